import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './datadir-lock.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'coi-lock-'));

describe('lockDataDir', () => {
  it('refuses a folder that a live process holds, naming the folder and the pid', async () => {
    const dir = tmp();
    // a live process other than this one owns the lock
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'coi.lock'), `${child.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`${dir}.*in use.*pid ${child.pid}`));
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'coi.lock'), '999999999\n');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'coi.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'coi.lock'))).toBe(false);
  });

  it('can be taken again after release', () => {
    const dir = tmp();
    lockDataDir(dir)();
    const again = lockDataDir(dir);
    again();
  });
});
