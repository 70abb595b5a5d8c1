import fs from 'node:fs';
import { stateFile } from './global-setup';

export default async function globalTeardown() {
  if (!fs.existsSync(stateFile)) return;
  const { pid } = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  try {
    process.kill(-pid, 'SIGTERM'); // the whole process group
  } catch {
    /* already gone */
  }
}
