// The questions of "Add Cluster…": addresses, name, security protocol, then only what that
// protocol needs (SASL login, certificate authority, client certificate). Back returns to the
// previous question with its answer kept; Escape cancels.
import * as vscode from 'vscode';
import type { ConnectionSpec, SaslMechanismName, SecurityProtocol } from '../../core/kafka/connection/connectionSpec';
import { usesSasl, usesTls } from '../../core/kafka/connection/specChecks';
import { BACK, runWizard, type Answer, type Prompter, type WizardStep } from './prompts';
import { DEFAULT_CLUSTER, bootstrapProblem } from './clusterRegistry';

// Functions, not constants: the translations are read when a question is asked.
const title = (step: string) => vscode.l10n.t('Kafka Log Lab: Add Cluster: {0}', step);

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

const protocols = (): Array<Item<SecurityProtocol>> => [
  {
    label: 'PLAINTEXT',
    value: 'PLAINTEXT',
    description: vscode.l10n.t('no encryption, no login: a local or lab broker'),
  },
  {
    label: 'SASL_SSL',
    value: 'SASL_SSL',
    description: vscode.l10n.t('TLS + login: Confluent Cloud and most hosted clusters'),
  },
  { label: 'SSL', value: 'SSL', description: vscode.l10n.t('TLS, optionally with a client certificate (mutual TLS)') },
  { label: 'SASL_PLAINTEXT', value: 'SASL_PLAINTEXT', description: vscode.l10n.t('login without encryption') },
];

const mechanisms = (): Array<Item<SaslMechanismName>> => [
  {
    label: 'PLAIN',
    value: 'PLAIN',
    description: vscode.l10n.t('user name and password (Confluent Cloud API key and secret)'),
  },
  { label: 'SCRAM-SHA-256', value: 'SCRAM-SHA-256', description: vscode.l10n.t('user name and password') },
  { label: 'SCRAM-SHA-512', value: 'SCRAM-SHA-512', description: vscode.l10n.t('user name and password') },
  { label: 'OAUTHBEARER', value: 'OAUTHBEARER', description: vscode.l10n.t('a bearer token') },
];

const trustChoices = (): Array<Item<'system' | 'ca' | 'insecure'>> => [
  {
    label: vscode.l10n.t('System certificate authorities'),
    value: 'system',
    description: vscode.l10n.t('the broker certificate is signed by a public CA'),
  },
  {
    label: vscode.l10n.t('CA certificate file…'),
    value: 'ca',
    description: vscode.l10n.t('your own certificate authority (PEM)'),
  },
  {
    label: `$(warning) ${vscode.l10n.t('Do not verify the broker certificate')}`,
    value: 'insecure',
    description: vscode.l10n.t('INSECURE: anyone on the network can pose as the broker and read the password'),
  },
];

const clientCertChoices = (): Array<Item<boolean>> => [
  {
    label: vscode.l10n.t('No client certificate'),
    value: false,
    description: vscode.l10n.t('the broker does not ask for one'),
  },
  {
    label: vscode.l10n.t('Client certificate and key (mutual TLS)…'),
    value: true,
    description: vscode.l10n.t('PEM files'),
  },
];

const pemFilters = () => ({
  [vscode.l10n.t('PEM files')]: ['pem', 'crt', 'cer', 'key'],
  [vscode.l10n.t('All files')]: ['*'],
});

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
  step: string,
  placeholder: string,
  items: Array<Item<T>>,
  current: T | undefined,
): Promise<Answer<Item<T>>> {
  return p.pick({ title: title(step), placeholder, items, active: items.find((i) => i.value === current) }, back);
}

const notEmpty = (problem: string) => (t: string) => (t.trim() ? undefined : problem);

function addressSteps(p: Prompter, validName: (name: string) => string | undefined): Array<WizardStep<ClusterAnswers>> {
  return [
    {
      run: (s, back) =>
        take(
          p.text(
            {
              title: title(vscode.l10n.t('bootstrap servers')),
              prompt: vscode.l10n.t('Bootstrap servers, comma-separated HOST:PORT'),
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
              title: title(vscode.l10n.t('name')),
              prompt: vscode.l10n.t('A name for this cluster'),
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
            vscode.l10n.t('security'),
            vscode.l10n.t('How does the cluster secure connections?'),
            protocols(),
            s.protocol ?? (isLocal(s.bootstrap) ? 'PLAINTEXT' : 'SASL_SSL'),
          ),
          (i) => (s.protocol = i.value),
        ),
    },
  ];
}

function mechanismStep(p: Prompter, when: (s: ClusterAnswers) => boolean): WizardStep<ClusterAnswers> {
  const [step, question] = [vscode.l10n.t('SASL mechanism'), vscode.l10n.t('How does the cluster check the login?')];
  return {
    when,
    run: (s, back) => take(pick(p, back, step, question, mechanisms(), s.mechanism), (i) => (s.mechanism = i.value)),
  };
}

function saslSteps(p: Prompter): Array<WizardStep<ClusterAnswers>> {
  const sasl = (s: ClusterAnswers) => s.protocol !== undefined && usesSasl({ securityProtocol: s.protocol });
  const login = (s: ClusterAnswers) => sasl(s) && s.mechanism !== 'OAUTHBEARER';
  const secret = vscode.l10n.t("Kept in VS Code's secret storage, never in settings");
  return [
    mechanismStep(p, sasl),
    {
      when: login,
      run: (s, back) =>
        take(
          p.text(
            {
              title: title(vscode.l10n.t('user name')),
              prompt: vscode.l10n.t('User name for {0}', s.mechanism ?? ''),
              value: s.username,
              validate: notEmpty(vscode.l10n.t('Enter a user name')),
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
            {
              title: title(vscode.l10n.t('password')),
              prompt: vscode.l10n.t('Password of {0} ({1})', s.username ?? '', secret),
              password: true,
            },
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
              title: title(vscode.l10n.t('token')),
              prompt: vscode.l10n.t('Bearer token ({0})', secret),
              password: true,
              validate: notEmpty(vscode.l10n.t('Enter a token')),
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
      vscode.l10n.t('certificate authority'),
      vscode.l10n.t('Which certificate authority signs the broker certificate?'),
      trustChoices(),
      s.trust,
    );
    if (choice === BACK) return BACK;
    s.trust = choice.value;
    if (choice.value !== 'ca') return undefined;
    const file = await p.file({
      title: title(vscode.l10n.t('CA certificate (PEM)')),
      openLabel: vscode.l10n.t('Use as CA'),
      filters: pemFilters(),
    });
    if (file !== BACK) return void (s.caFile = file);
  }
}

async function clientCertStep(p: Prompter, s: ClusterAnswers, back: boolean): Promise<Answer<void>> {
  for (;;) {
    const choice = await pick(
      p,
      back,
      vscode.l10n.t('client certificate'),
      vscode.l10n.t('Does the broker ask for a client certificate?'),
      clientCertChoices(),
      s.certFile !== undefined,
    );
    if (choice === BACK) return BACK;
    if (!choice.value)
      return void Object.assign(s, { certFile: undefined, keyFile: undefined, keyPassword: undefined });
    const certFile = await p.file({
      title: title(vscode.l10n.t('client certificate (PEM)')),
      openLabel: vscode.l10n.t('Use as client certificate'),
      filters: pemFilters(),
    });
    if (certFile === BACK) continue;
    const keyFile = await p.file({
      title: title(vscode.l10n.t('client key (PEM)')),
      openLabel: vscode.l10n.t('Use as client key'),
      filters: pemFilters(),
    });
    if (keyFile === BACK) continue;
    const passphrase = await p.text(
      {
        title: title(vscode.l10n.t('key passphrase')),
        prompt: vscode.l10n.t(
          'Passphrase of the key; leave empty when the key is not encrypted (kept in the secret storage)',
        ),
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
