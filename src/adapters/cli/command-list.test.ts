// Tests that the command list's help lines are those of the commands themselves, so that listing without loading is exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command, Help } from 'commander';
import { COMMANDS, listCommands } from './command-list.js';

test('each listed command has the usage and description of the command its module defines', async () => {
  const help = new Help();
  const stubs = new Command('schism');
  listCommands(stubs);
  const stubHelp = stubs.createHelp();
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const program = new Command('schism');
    (await entry.load())(program);
    const real = program.commands.find((c) => c.name() === name);
    assert.ok(real, `${name}: its module registers no command of that name`);
    assert.equal(entry.about, real.description(), `${name}: description`);
    const stub = stubs.commands.find((c) => c.name() === name)!;
    assert.equal(stubHelp.subcommandTerm(stub), help.subcommandTerm(real), `${name}: usage`);
  }
});
