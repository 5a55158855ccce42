import type { Db } from '../core/db.js';
import type { DemoData } from './demo.js';

/**
 * The co-building demo (issue 5), written after the organisations, people and cases: the adopted pairing first,
 * then what hangs off it (projects, needs and resources, joint meetings, service days). Each part has its own file
 * under src/seed/cobuild-*.ts and one line here.
 */
export async function seedDemoCobuild(db: Db, data: DemoData): Promise<void> {
  void db;
  void data;
}
