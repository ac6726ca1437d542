// The CLI's subcommands, in the order `--help` lists them.
import type { CliCommand } from '../command';
import { brokerCommand } from './broker';
import { generateCommand } from './generate';
import { liveCommand } from './live';
import { statsCommand } from './stats';
import { demoCommand } from './demo';
import { produceCommand } from './produce';
import { consumeCommand } from './consume';
import { verifyCommand } from './verify';
import { topicsCommand } from './topics';
import { groupsCommand } from './groups';
import { labCommand } from './lab';
import { reportCommand } from './report';

export const commands: CliCommand[] = [
  demoCommand,
  brokerCommand,
  generateCommand,
  liveCommand,
  statsCommand,
  produceCommand,
  consumeCommand,
  verifyCommand,
  reportCommand,
  topicsCommand,
  groupsCommand,
  labCommand,
];
