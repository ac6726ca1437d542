// The CLI's subcommands, in the order `--help` lists them.
import type { CliCommand } from '../command';
import { brokerCommand } from './broker';

export const commands: CliCommand[] = [brokerCommand];
