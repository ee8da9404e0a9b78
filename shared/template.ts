/**
 * A template is data: the four quadrants of the model with labels, axes and
 * descriptions. A workshop stores its own copy, so editing it never changes
 * a past workshop. The schema that checks one is `templateSchema` in
 * shared/schemas/template.ts (server only).
 */
export const QUADRANT_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type QuadrantCorner = (typeof QUADRANT_CORNERS)[number];

/** A text in both languages (each 1 to 400 characters). */
export interface LocalizedText {
  nl: string;
  en: string;
}

export interface Quadrant {
  id: string;
  corner: QuadrantCorner;
  /** Role names are proper names from the source document and stay as they are. */
  label: string;
  description: LocalizedText;
}

export interface AxisEnds {
  start: LocalizedText;
  end: LocalizedText;
}

export interface Template {
  id: string;
  name: LocalizedText;
  source: string;
  axes: {
    /** Horizontal axis, left end and right end. */
    x: AxisEnds;
    /** Vertical axis, top end and bottom end. */
    y: AxisEnds;
  };
  /** Exactly four, one per corner. */
  quadrants: Quadrant[];
}

export const LOCHEM_TEMPLATE: Template = {
  id: 'lochem-vier-rollen',
  name: { nl: 'Vier rollen van de overheid (Lochem)', en: 'Four roles of government (Lochem)' },
  source: 'Gemeente Lochem, Regisserend Lochem (2012–2013). Asnamen: lezing van Regiebord.',
  axes: {
    x: {
      start: { nl: 'Overheid aan zet', en: 'Government takes the lead' },
      end: { nl: 'Markt en samenleving aan zet', en: 'Market and society take the lead' },
    },
    y: {
      start: { nl: 'Verticaal (hiërarchisch)', en: 'Vertical (hierarchical)' },
      end: { nl: 'Horizontaal (gelijkwaardig)', en: 'Horizontal (equal)' },
    },
  },
  quadrants: [
    {
      id: 'retro-in-control',
      corner: 'top-left',
      label: 'Retro in Control',
      description: {
        nl: 'De klassieke overheid: maakt regels, handhaaft en voert zelf uit. Dirigent van het eigen orkest.',
        en: 'The classic government: makes rules, enforces and delivers itself. Conductor of its own orchestra.',
      },
    },
    {
      id: 'manoeuvres-in-de-markt',
      corner: 'top-right',
      label: 'Manoeuvres in de Markt',
      description: {
        nl: 'Deskundig opdrachtgever: de markt voert uit, de overheid beslist. Dirigent van een wisselend ensemble.',
        en: 'Expert principal: the market executes, the government decides. Conductor of a changing ensemble.',
      },
    },
    {
      id: 'maatschappelijke-carrousel',
      corner: 'bottom-left',
      label: 'Maatschappelijke Carrousel',
      description: {
        nl: 'Partner in een netwerk: wisselt van rol, regisseur, aanjager of terughoudend. Iedereen doet mee.',
        en: 'Partner in a network society, switching roles: director, driver or restrained. Everyone contributes.',
      },
    },
    {
      id: 'flashmob',
      corner: 'bottom-right',
      label: 'Flashmob',
      description: {
        nl: 'Inwoners en hun organisaties nemen het initiatief. De overheid luistert en leert.',
        en: 'Citizens and their organisations take the initiative. The government listens and learns.',
      },
    },
  ],
};

export const NSOB_TEMPLATE: Template = {
  id: 'nsob-vier-perspectieven',
  name: {
    nl: 'Vier perspectieven op de rol van de overheid (NSOB)',
    en: 'Four perspectives on the role of government (NSOB)',
  },
  source: 'NSOB/PBL, Leren door doen (2014).',
  axes: {
    x: {
      start: { nl: 'Overheid centraal', en: 'Government at the centre' },
      end: { nl: 'Samenleving centraal', en: 'Society at the centre' },
    },
    y: {
      start: { nl: 'Gericht op regels en systemen', en: 'Focused on rules and systems' },
      end: { nl: 'Gericht op resultaat en relaties', en: 'Focused on results and relations' },
    },
  },
  quadrants: [
    {
      id: 'rechtmatige-overheid',
      corner: 'top-left',
      label: 'Rechtmatige overheid',
      description: {
        nl: 'Zorgvuldig, gelijk en volgens de regels.',
        en: 'Careful, equal and according to the rules.',
      },
    },
    {
      id: 'presterende-overheid',
      corner: 'top-right',
      label: 'Presterende overheid',
      description: {
        nl: 'Doelmatig en gericht op resultaten en klanten.',
        en: 'Efficient and focused on results and clients.',
      },
    },
    {
      id: 'netwerkende-overheid',
      corner: 'bottom-left',
      label: 'Netwerkende overheid',
      description: {
        nl: 'Werkt samen met partners aan gedeelde opgaven.',
        en: 'Works with partners on shared challenges.',
      },
    },
    {
      id: 'participerende-overheid',
      corner: 'bottom-right',
      label: 'Participerende overheid',
      description: {
        nl: 'Sluit aan bij initiatieven uit de samenleving.',
        en: 'Joins initiatives that come from society.',
      },
    },
  ],
};

export const TEMPLATES: readonly Template[] = [LOCHEM_TEMPLATE, NSOB_TEMPLATE];
export const DEFAULT_TEMPLATE_ID = LOCHEM_TEMPLATE.id;

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Positions are fractions of the quadrant area, origin top-left. */
export interface Position {
  x: number;
  y: number;
}

/** The corner a position falls in. The centre lines belong to the right and bottom halves. */
export function cornerOf(pos: Position): QuadrantCorner {
  const top = pos.y < 0.5;
  const left = pos.x < 0.5;
  if (top) return left ? 'top-left' : 'top-right';
  return left ? 'bottom-left' : 'bottom-right';
}

export function quadrantOf(template: Template, pos: Position): Quadrant {
  const corner = cornerOf(pos);
  // templateSchema (shared/schemas/template.ts) guarantees exactly one quadrant per corner.
  return template.quadrants.find((q) => q.corner === corner)!;
}

/** Centre of a corner: where "move to quadrant" puts a card. */
export function cornerCentre(corner: QuadrantCorner): Position {
  return {
    x: corner.endsWith('left') ? 0.25 : 0.75,
    y: corner.startsWith('top') ? 0.25 : 0.75,
  };
}

export function clampUnit(n: number): number {
  if (!Number.isFinite(n)) return 0.5;
  return Math.min(1, Math.max(0, n));
}
