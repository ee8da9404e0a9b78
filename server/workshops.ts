import { randomId } from '../shared/ids';
import { DEFAULT_TEMPLATE_ID, findTemplate, type Template } from '../shared/template';
import type { CreateWorkshopBody, WorkshopDetail, WorkshopSummary } from '../shared/protocol';
import type { AccessControl } from './auth/access';
import { randomJoinCode } from './auth/tokens';
import type { AccountRecord, Storage, WorkshopRecord } from './storage/storage';
import { HttpError } from './http/errors';

/** Creating and describing workshops; the HTTP routes stay thin. */
export class WorkshopService {
  constructor(
    private readonly storage: Storage,
    private readonly access: AccessControl,
  ) {}

  /** `createdAt` is given when importing a workshop held elsewhere (it keeps its own date). */
  async create(owner: AccountRecord, body: CreateWorkshopBody, createdAt = Date.now()): Promise<WorkshopRecord> {
    const template = this.pickTemplate(body.template);
    // 10^8 codes: a collision is rare, but check rather than hope.
    for (let attempt = 0; attempt < 20; attempt++) {
      const joinCode = randomJoinCode();
      if (await this.storage.findWorkshopByJoinCode(joinCode)) continue;
      const workshop: WorkshopRecord = {
        id: randomId(16),
        title: body.title,
        joinCode,
        template,
        ownerId: owner.id,
        createdAt,
        screenTokenVersion: 1,
      };
      await this.storage.createWorkshop(workshop);
      return workshop;
    }
    throw new Error('no free join code found');
  }

  private pickTemplate(choice: CreateWorkshopBody['template']): Template {
    if (choice === undefined) return findTemplate(DEFAULT_TEMPLATE_ID)!;
    if (typeof choice === 'string') {
      const found = findTemplate(choice);
      if (!found) throw new HttpError(400, 'INVALID_PAYLOAD', 'template');
      return found;
    }
    return choice;
  }

  summary(w: WorkshopRecord, ownerName: string): WorkshopSummary {
    return {
      id: w.id,
      title: w.title,
      joinCode: w.joinCode,
      templateId: w.template.id,
      createdAt: w.createdAt,
      ownerName,
    };
  }

  detail(w: WorkshopRecord, ownerName: string): WorkshopDetail {
    return { ...this.summary(w, ownerName), template: w.template, screenToken: this.access.screenTokenFor(w) };
  }
}
