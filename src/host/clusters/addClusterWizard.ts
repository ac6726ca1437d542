// The questions of "Add Cluster…": addresses, name, security protocol, then only what that
// protocol needs (SASL login, certificate authority, client certificate). Back returns to the
// previous question with its answer kept; Escape cancels.
import type * as vscode from 'vscode';
import type { ConnectionSpec, SaslMechanismName, SecurityProtocol } from '../../core/kafka/connection/connectionSpec';
import { usesSasl, usesTls } from '../../core/kafka/connection/specChecks';
import { BACK, runWizard, type Answer, type Prompter, type WizardStep } from './prompts';
import { DEFAULT_CLUSTER, bootstrapProblem } from './clusterRegistry';

const TITLE = 'Kafka Log Lab: Add Cluster';

export interface ClusterAnswers {
  bootstrap?: string;
  name?: string;
  protocol?: SecurityProtocol;
  mechanism?: SaslMechanismName;
  username?: string;
  password?: string;
  token?: string;
  trust?: 'system' | 'ca' | 'insecure';
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  keyPassword?: string;
}

type Item<T> = vscode.QuickPickItem & { value: T };

const PROTOCOLS: Array<Item<SecurityProtocol>> = [
  { label: 'PLAINTEXT', value: 'PLAINTEXT', description: 'no encryption, no login: a local or lab broker' },
  { label: 'SASL_SSL', value: 'SASL_SSL', description: 'TLS + login: Confluent Cloud and most hosted clusters' },
  { label: 'SSL', value: 'SSL', description: 'TLS, optionally with a client certificate (mutual TLS)' },
  { label: 'SASL_PLAINTEXT', value: 'SASL_PLAINTEXT', description: 'login without encryption' },
];

const MECHANISMS: Array<Item<SaslMechanismName>> = [
  { label: 'PLAIN', value: 'PLAIN', description: 'user name and password (Confluent Cloud API key and secret)' },
  { label: 'SCRAM-SHA-256', value: 'SCRAM-SHA-256', description: 'user name and password' },
  { label: 'SCRAM-SHA-512', value: 'SCRAM-SHA-512', description: 'user name and password' },
  { label: 'OAUTHBEARER', value: 'OAUTHBEARER', description: 'a bearer token' },
];

const TRUST: Array<Item<'system' | 'ca' | 'insecure'>> = [
  {
    label: 'System certificate authorities',
    value: 'system',
    description: 'the broker certificate is signed by a public CA',
  },
  { label: 'CA certificate file…', value: 'ca', description: 'your own certificate authority (PEM)' },
  {
    label: '$(warning) Do not verify the broker certificate',
    value: 'insecure',
    description: 'INSECURE: anyone on the network can pose as the broker and read the password',
  },
];

const CLIENT_CERT: Array<Item<boolean>> = [
  { label: 'No client certificate', value: false, description: 'the broker does not ask for one' },
  { label: 'Client certificate and key (mutual TLS)…', value: true, description: 'PEM files' },
];

const PEM_FILTERS = { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] };

/** Applies an answer to the state unless it was Back. */
async function take<T>(answer: Promise<Answer<T>>, apply: (value: T) => void): Promise<Answer<void>> {
  const value = await answer;
  if (value === BACK) return BACK;
  apply(value);
  return undefined;
}

const isLocal = (bootstrap = ''): boolean => /^(localhost|127\.0\.0\.1|\[::1\]):/.test(bootstrap.trim());

function pick<T>(
  p: Prompter,
  back: boolean,
  title: string,
  placeholder: string,
  items: Array<Item<T>>,
  current: T | undefined,
): Promise<Answer<Item<T>>> {
  return p.pick(
    { title: `${TITLE}: ${title}`, placeholder, items, active: items.find((i) => i.value === current) },
    back,
  );
}

const notEmpty = (what: string) => (t: string) => (t.trim() ? undefined : `Enter ${what}`);

function addressSteps(p: Prompter, validName: (name: string) => string | undefined): Array<WizardStep<ClusterAnswers>> {
  return [
    {
      run: (s, back) =>
        take(
          p.text(
            {
              title: `${TITLE}: bootstrap servers`,
              prompt: 'Bootstrap servers, comma-separated HOST:PORT',
              value: s.bootstrap ?? DEFAULT_CLUSTER.bootstrapServers,
              validate: bootstrapProblem,
            },
            back,
          ),
          (v) => (s.bootstrap = v.trim()),
        ),
    },
    {
      run: (s, back) =>
        take(
          p.text(
            {
              title: `${TITLE}: name`,
              prompt: 'A name for this cluster',
              value: s.name ?? suggestedName(s.bootstrap),
              validate: validName,
            },
            back,
          ),
          (v) => (s.name = v.trim()),
        ),
    },
    {
      run: (s, back) =>
        take(
          pick(
            p,
            back,
            'security',
            'How does the cluster secure connections?',
            PROTOCOLS,
            s.protocol ?? (isLocal(s.bootstrap) ? 'PLAINTEXT' : 'SASL_SSL'),
          ),
          (i) => (s.protocol = i.value),
        ),
    },
  ];
}

function saslSteps(p: Prompter): Array<WizardStep<ClusterAnswers>> {
  const sasl = (s: ClusterAnswers) => s.protocol !== undefined && usesSasl({ securityProtocol: s.protocol });
  const login = (s: ClusterAnswers) => sasl(s) && s.mechanism !== 'OAUTHBEARER';
  const secret = "Kept in VS Code's secret storage, never in settings";
  return [
    {
      when: sasl,
      run: (s, back) =>
        take(
          pick(p, back, 'SASL mechanism', 'How does the cluster check the login?', MECHANISMS, s.mechanism),
          (i) => (s.mechanism = i.value),
        ),
    },
    {
      when: login,
      run: (s, back) =>
        take(
          p.text(
            {
              title: `${TITLE}: user name`,
              prompt: `User name for ${s.mechanism}`,
              value: s.username,
              validate: notEmpty('a user name'),
            },
            back,
          ),
          (v) => (s.username = v.trim()),
        ),
    },
    {
      when: login,
      run: (s, back) =>
        take(
          p.text(
            { title: `${TITLE}: password`, prompt: `Password of ${s.username} (${secret})`, password: true },
            back,
          ),
          (v) => (s.password = v),
        ),
    },
    {
      when: (s) => sasl(s) && s.mechanism === 'OAUTHBEARER',
      run: (s, back) =>
        take(
          p.text(
            {
              title: `${TITLE}: token`,
              prompt: `Bearer token (${secret})`,
              password: true,
              validate: notEmpty('a token'),
            },
            back,
          ),
          (v) => (s.token = v.trim()),
        ),
    },
  ];
}

/** A pick that may open a file dialog; closing the dialog shows the pick again. */
async function trustStep(p: Prompter, s: ClusterAnswers, back: boolean): Promise<Answer<void>> {
  for (;;) {
    const choice = await pick(
      p,
      back,
      'certificate authority',
      'Which certificate authority signs the broker certificate?',
      TRUST,
      s.trust,
    );
    if (choice === BACK) return BACK;
    s.trust = choice.value;
    if (choice.value !== 'ca') return undefined;
    const file = await p.file({
      title: `${TITLE}: CA certificate (PEM)`,
      openLabel: 'Use as CA',
      filters: PEM_FILTERS,
    });
    if (file !== BACK) return void (s.caFile = file);
  }
}

async function clientCertStep(p: Prompter, s: ClusterAnswers, back: boolean): Promise<Answer<void>> {
  for (;;) {
    const choice = await pick(
      p,
      back,
      'client certificate',
      'Does the broker ask for a client certificate?',
      CLIENT_CERT,
      s.certFile !== undefined,
    );
    if (choice === BACK) return BACK;
    if (!choice.value)
      return void Object.assign(s, { certFile: undefined, keyFile: undefined, keyPassword: undefined });
    const certFile = await p.file({
      title: `${TITLE}: client certificate (PEM)`,
      openLabel: 'Use as client certificate',
      filters: PEM_FILTERS,
    });
    if (certFile === BACK) continue;
    const keyFile = await p.file({
      title: `${TITLE}: client key (PEM)`,
      openLabel: 'Use as client key',
      filters: PEM_FILTERS,
    });
    if (keyFile === BACK) continue;
    const passphrase = await p.text(
      {
        title: `${TITLE}: key passphrase`,
        prompt: 'Passphrase of the key; leave empty when the key is not encrypted (kept in the secret storage)',
        password: true,
      },
      true,
    );
    if (passphrase === BACK) continue;
    return void Object.assign(s, { certFile, keyFile, keyPassword: passphrase || undefined });
  }
}

function suggestedName(bootstrap = ''): string {
  if (isLocal(bootstrap)) return 'local';
  return bootstrap.split(',')[0].split(':')[0].split('.')[0] ?? '';
}

/** Asks every question of "Add Cluster…" and returns the answers. */
export function askClusterAnswers(
  p: Prompter,
  validName: (name: string) => string | undefined,
): Promise<ClusterAnswers> {
  const tls = (s: ClusterAnswers) => s.protocol !== undefined && usesTls({ securityProtocol: s.protocol });
  return runWizard<ClusterAnswers>({}, [
    ...addressSteps(p, validName),
    ...saslSteps(p),
    { when: tls, run: (s, back) => trustStep(p, s, back) },
    { when: tls, run: (s, back) => clientCertStep(p, s, back) },
  ]);
}

/** The connection description the answers give (the caller checks the addresses first). */
export function answersToSpec(s: ClusterAnswers, brokers: string[]): ConnectionSpec {
  const spec: ConnectionSpec = { bootstrapServers: brokers, securityProtocol: s.protocol ?? 'PLAINTEXT' };
  if (usesSasl(spec) && s.mechanism) {
    spec.sasl =
      s.mechanism === 'OAUTHBEARER'
        ? { mechanism: s.mechanism, token: s.token }
        : { mechanism: s.mechanism, username: s.username, password: s.password };
  }
  if (usesTls(spec)) {
    spec.tls = {
      caFiles: s.trust === 'ca' && s.caFile ? [s.caFile] : undefined,
      insecureSkipVerify: s.trust === 'insecure' ? true : undefined,
      certFile: s.certFile,
      keyFile: s.keyFile,
      keyPassword: s.keyPassword,
    };
  }
  return spec;
}
