import { describe, expect, it } from 'vitest';
import { hyphenateNl } from '../../client/src/board/hyphenateNl';

const SHY = '\u00ad';

describe('Dutch hyphenation of card titles', () => {
  it('breaks long compounds only at Dutch hyphenation points, as soft hyphens', () => {
    expect(hyphenateNl('Energietransitie').split(SHY)).toEqual(['Ener', 'gie', 'tran', 'si', 'tie']);
    expect(hyphenateNl('Omgevingsvisie').split(SHY)).toEqual(['Om', 'ge', 'vings', 'vi', 'sie']);
    expect(hyphenateNl('Arbeidsmarktregio').split(SHY)).toEqual(['Ar', 'beids', 'markt', 're', 'gio']);
  });

  it('leaves the text itself unchanged: without the soft hyphens it is the title', () => {
    for (const title of ['Energietransitie en Omgevingsvisie', 'Warmtenet Lochem-Oost', '🌳 Bomenbeleidsplanuitvoering', 'مرحبا بالعالم', '<b>Woningbouwprogramma</b>']) {
      expect(hyphenateNl(title).replaceAll(SHY, '')).toBe(title);
    }
  });

  it('keeps words under 14 letters whole (they fit on one line of a label)', () => {
    expect(hyphenateNl('Klimaatbeleid Dorpshuizen Sociaal domein')).toBe('Klimaatbeleid Dorpshuizen Sociaal domein');
  });
});
