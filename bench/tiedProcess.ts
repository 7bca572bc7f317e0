/**
 * A helper process (a Redis, a gateway under test) that cannot outlive the process that started
 * it. Clean-up code stops it by its pid; but a test run killed or exited half-way runs no
 * clean-up, and its children would keep their ports and CPU. On Linux, util-linux's `setpriv
 * --pdeathsig` asks the kernel to kill the child when its parent dies, then executes the command
 * in its place (same pid). Where there is no setpriv, a plain spawn.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio, type SpawnOptions, type SpawnOptionsWithStdioTuple, type StdioNull, type StdioPipe } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

export function spawnTied(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe>,
): ChildProcessByStdio<null, Readable, Readable>;
export function spawnTied(command: string, args: readonly string[], options: SpawnOptions): ChildProcess;
export function spawnTied(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  return SETPRIV ? spawn(SETPRIV, ['--pdeathsig', 'SIGKILL', '--', command, ...args], options) : spawn(command, args, options);
}
