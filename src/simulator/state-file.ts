// The simulator's profiles on disk (`stateFile`): profiles and their linked accounts as JSON,
// so a restarted simulator still knows the Profile Keys a host's directory stored. Written
// whole to a temporary file then renamed over the old one (a reader or a crash never sees half
// a file), only when the content changed. Link sessions, settings and call counts stay in memory.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { NETWORK_IDS } from '../protocol/networks.js';
import type { Account, Profile } from './state.js';

const FORMAT = 1;
const text = (max: number) => z.string().max(max);

const accountSchema = z.object({
  platform: z.enum(NETWORK_IDS),
  displayName: text(500),
  username: text(500).optional(),
  pageName: text(500).optional(),
  profileUrl: text(2000).optional(),
  userImage: text(2000).optional(),
  id: text(200),
  created: text(100),
});

const fileSchema = z.object({
  format: z.literal(FORMAT),
  profiles: z
    .array(
      z.object({
        profileKey: z.string().regex(/^[\x21-\x7e]{1,200}$/),
        title: text(500),
        refId: text(200),
        created: text(100),
        suspended: z.boolean().optional(),
        options: z.record(z.string(), z.unknown()).optional(),
        accounts: z.array(accountSchema).max(NETWORK_IDS.length),
      }),
    )
    .max(100_000),
});

/**
 * Fills `profiles` from the file at `path` when it exists (else writes them there), and returns
 * the function that writes them again after a change.
 */
export function keepProfiles(path: string, profiles: Map<string, Profile>): () => void {
  const file = stateFile(path);
  const stored = file.load();
  if (stored) profiles.clear();
  for (const [key, profile] of stored ?? []) profiles.set(key, profile);
  file.save(profiles);
  return () => file.save(profiles);
}

export interface StateFile {
  /** The stored profiles, or undefined when the file does not exist yet. Throws on a damaged file. */
  load(): Map<string, Profile> | undefined;
  /** Writes the profiles if they differ from what was last read or written. */
  save(profiles: Map<string, Profile>): void;
}

export function stateFile(path: string): StateFile {
  let written: string | undefined;

  function serialize(profiles: Map<string, Profile>): string {
    const list = [...profiles].map(([profileKey, p]) => ({
      profileKey,
      title: p.title,
      refId: p.refId,
      created: p.created,
      ...(p.suspended ? { suspended: true } : {}),
      ...(p.options ? { options: p.options } : {}),
      accounts: [...p.accounts.values()],
    }));
    return `${JSON.stringify({ format: FORMAT, profiles: list }, null, 1)}\n`;
  }

  return {
    load() {
      let content: string;
      try {
        content = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      let parsed: z.infer<typeof fileSchema>;
      try {
        parsed = fileSchema.parse(JSON.parse(content));
      } catch {
        throw new Error(`The simulator's state file ${path} is not one it wrote; delete it to start afresh.`);
      }
      written = content;
      const profiles = new Map<string, Profile>();
      for (const { profileKey, accounts, options, suspended, ...fields } of parsed.profiles) {
        const byNetwork = new Map(accounts.map((account) => [account.platform, account as Account]));
        profiles.set(profileKey, { ...fields, accounts: byNetwork, calls: [], ...(options ? { options } : {}), ...(suspended ? { suspended } : {}) });
      }
      return profiles;
    },
    save(profiles) {
      const content = serialize(profiles);
      if (content === written) return;
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      // Owner-only: the file holds Profile Keys (the simulator's, but keys all the same).
      writeFileSync(temporary, content, { mode: 0o600 });
      renameSync(temporary, path);
      written = content;
    },
  };
}
