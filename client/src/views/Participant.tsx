import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { PresenceInfo } from '../components/PresenceInfo';
import { SyncStatus, syncOf } from '../components/SyncStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { WorkshopDeleted, isDeleted } from '../components/WorkshopDeleted';
import { forgetParticipant, loadParticipant } from '../realtime/session';
import { boardCopyName, forgetWorkshopCopy } from '../realtime/offlineCopy';
import { useBoardDoc } from '../realtime/useBoardDoc';
import { useWorkshopSocket } from '../realtime/useWorkshopSocket';
import { PhoneWorkshop } from './participant/PhoneWorkshop';
import { forgetMyCards, myCardsKey } from '../board/myCards';

/** Refusals that a new join (new token) can fix. */
const REJOIN_CODES = new Set(['UNAUTHENTICATED', 'NOT_FOUND', 'NOT_ALLOWED', 'INVALID_PAYLOAD', 'PARTICIPANT_REMOVED']);

/** /w/:id: the participant's phone view. */
export default function Participant({ id }: { id: string }) {
  const { t } = useI18n();
  const [session] = useState(() => loadParticipant(id));
  const token = session?.token ?? null;
  const socket = useWorkshopSocket(id, token, token !== null, session?.participantId);
  // The control channel can tell that the workshop is gone before the board is open.
  const deleted = isDeleted(socket.fatalError, null);
  const finished = !!socket.control?.finishedAt;
  const removed = socket.fatalError === 'PARTICIPANT_REMOVED';
  // The phone keeps its own copy of the board while the workshop runs (a reload offline loses nothing).
  const keepAs = session && !deleted && !finished && !removed ? boardCopyName(id, session.participantId) : undefined;
  const board = useBoardDoc(id, token, token !== null && socket.fatalError === null, keepAs);
  const state = socket.state;
  useDocumentTitle(state?.workshop.title ?? t('join.title'));
  const gone = deleted || isDeleted(socket.fatalError, board.closedCode);
  // The token of a deleted workshop opens nothing any more: do not keep it on the phone.
  useEffect(() => {
    if (gone) forgetParticipant(id);
  }, [gone, id]);
  // Finished, deleted or removed: nothing of it stays on the phone.
  useEffect(() => {
    if (session && (gone || finished || removed)) {
      forgetWorkshopCopy(id, session.participantId);
      forgetMyCards(id, session.participantId);
    }
  }, [gone, finished, removed, id, session]);

  if (!session) {
    return (
      <div className="rb-page rb-page--narrow">
        <h1>{t('join.title')}</h1>
        <p>{t('participant.noSession')}</p>
        <p>
          <Link className="utrecht-button utrecht-button--primary-action rb-button" href="/doe-mee">
            {t('participant.joinLink')}
          </Link>
        </p>
      </div>
    );
  }

  if (gone) {
    return (
      <WorkshopDeleted>
        <p>
          <Link href="/">{t('app.toHome')}</Link>
        </p>
      </WorkshopDeleted>
    );
  }

  if (socket.fatalError) {
    const rejoin = REJOIN_CODES.has(socket.fatalError);
    const code = state?.workshop.joinCode;
    return (
      <div className="rb-page rb-page--narrow">
        <h1>{state?.workshop.title ?? t('join.title')}</h1>
        {socket.fatalError === 'PARTICIPANT_REMOVED' ? (
          <ErrorAlert code={socket.fatalError} />
        ) : rejoin ? (
          <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
            {t('participant.refused')}
          </p>
        ) : (
          <ErrorAlert code={socket.fatalError} />
        )}
        {rejoin ? (
          <p>
            <Link className="utrecht-button utrecht-button--primary-action rb-button" href={code ? `/doe-mee?code=${code}` : '/doe-mee'} onClick={() => forgetParticipant(id)}>
              {t('participant.joinAgain')}
            </Link>
          </p>
        ) : (
          <p>
            <button type="button" className="utrecht-button utrecht-button--primary-action rb-button" onClick={() => location.reload()}>
              {t('app.reload')}
            </button>
          </p>
        )}
      </div>
    );
  }

  const name = state?.you.name ?? session.name;
  return (
    <div className="rb-page rb-page--phone">
      <h1 className="rb-title-small">{state?.workshop.title ?? t('app.loading')}</h1>
      <SyncStatus {...syncOf(board, socket.pendingActions)} />
      <div className="rb-participant-meta">
        <p>{name ? t('participant.you', { name }) : t('participant.youAnonymous')}</p>
        <PresenceInfo presence={socket.presence} />
      </div>
      {state ? (
        <PhoneWorkshop socket={socket} board={board} template={state.workshop.template} myCardsKey={myCardsKey(id, session.participantId)} />
      ) : (
        <p className="rb-loading" role="status">
          {t('board.loading')}
        </p>
      )}
    </div>
  );
}
