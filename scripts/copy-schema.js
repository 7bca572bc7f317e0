// The compiled gateway reads its SDL from dist/schema, next to dist/src (see src/schema.ts).
import { cpSync } from 'node:fs';

cpSync('schema', 'dist/schema', { recursive: true });
