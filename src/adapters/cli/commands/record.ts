// `schism record FILE --out DIR`: the observed record as tidy series, its turning points and its agreement with independent data.
import type { Command } from 'commander';
import { recordAgreement } from '../../../core/analysis/record/independent.js';
import { recordSeries } from '../../../core/analysis/record/record.js';
import { recordFiles } from '../../../core/output/record-report.js';
import { monthLabel } from '../../../core/time/month.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { DATA_DIR, INDEPENDENT_PARTS, loadStateData } from '../../files/read-state-data.js';
import { readScenario } from '../../files/read-scenario.js';

/** Registers the record command. */
export function registerRecord(program: Command): void {
  program
    .command('record')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('write the observed record as monthly, quarterly and yearly series per directed dyad, its turning points, and checks against independent data')
    .option('--out <dir>', 'output folder', 'runs/record')
    .option('--data <dir>', 'folder with the independent series (COPDAB, MIE, MIDs, rivalries, ATOP, COW)', DATA_DIR)
    .action(async (file: string, flags: { out: string; data: string }) => {
      const { scenario } = await readScenario(file);
      const record = recordSeries(scenario);
      const { data, found } = await loadStateData(flags.data, INDEPENDENT_PARTS);
      const agreement = recordAgreement(scenario, record, data);
      await writeFolderAtomic(flags.out, recordFiles(scenario, record, agreement, found));
      const tps = record.turningPoints.map((p) => `${p.label} ${p.month === null ? 'none' : monthLabel(p.month)}`);
      process.stdout.write(`${scenario.meta.title}: ${record.dyads.length} directed dyads; turning points: ${tps.join(', ')}; ${agreement.rows.length} checks against independent data; outputs in ${flags.out}/\n`);
    });
}
