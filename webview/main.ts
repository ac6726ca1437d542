// Dashboard front end (entry of the webview bundle).
export {};
