import { describe, expect, it } from 'vitest';
import { workshopExportSchema } from '../../shared/schemas';
import { exportFixture } from '../helpers/exportFixture';

/** docs/exports.md promises identical content after an import: the import schema changes no text. */
describe('JSON import keeps white space byte for byte', () => {
  const hostile = ['  voor en na  ', '\ttabs\t', 'twee  spaties', 'nbsp\u00a0', '\u2003em ', '\nregel\n'];

  it('parses an export with hostile white space in every text field to the same model', () => {
    const model = exportFixture();
    model.workshop.title = `${hostile[0]}${model.workshop.title}${hostile[1]}`;
    model.cards.forEach((c, i) => {
      c.title = `${hostile[i % hostile.length]}${c.title}${hostile[(i + 1) % hostile.length]}`;
      c.description = `${hostile[(i + 2) % hostile.length]}${c.description}`;
    });
    model.barriers.forEach((b, i) => {
      b.text = `${hostile[i % hostile.length]}${b.text}\t`;
      b.variants = [` ${b.text} `];
    });
    model.proposals.forEach((p) => (p.text = `  ${p.text}\t`));
    const parsed = workshopExportSchema.parse(structuredClone(model));
    expect(parsed).toEqual(model);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(model));
  });

  it('still refuses text that is only white space', () => {
    const model = exportFixture();
    model.cards[0]!.title = ' \t\n ';
    expect(workshopExportSchema.safeParse(model).success).toBe(false);
  });

  it('reads an export made before variants existed as having none', () => {
    const model = exportFixture() as unknown as { barriers: Record<string, unknown>[] };
    for (const b of model.barriers) delete b.variants;
    const parsed = workshopExportSchema.parse(model);
    expect(parsed.barriers.every((b) => b.variants.length === 0)).toBe(true);
  });
});
