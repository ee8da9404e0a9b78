import { useState } from 'react';
import { useI18n } from '../i18n';
import { Board } from '../board/Board';
import { ErrorAlert } from '../components/ErrorAlert';
import { SyncStatus } from '../components/SyncStatus';
import { PeopleIcon } from '../components/PeopleIcon';
import { presenceKey } from '../components/PresenceInfo';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatJoinCode, joinQrUrl } from '../joinCode';
import { takeScreenToken } from '../realtime/session';
import { useBoardDoc } from '../realtime/useBoardDoc';
import { useWorkshopSocket } from '../realtime/useWorkshopSocket';

/** /scherm/:id#<screenToken>: the projector view, read-only and readable from the back of the room. */
export default function Screen({ id }: { id: string }) {
  const { t } = useI18n();
  const [token] = useState(() => takeScreenToken(id));
  const socket = useWorkshopSocket(id, token, token !== null);
  const board = useBoardDoc(id, token, token !== null && socket.fatalError === null);
  const state = socket.state;
  useDocumentTitle(state?.workshop.title ?? null);

  if (!token || socket.fatalError === 'UNAUTHENTICATED') {
    return (
      <div className="rb-screen rb-screen--message">
        <p className="rb-alert" role="alert">
          {t('screen.noToken')}
        </p>
      </div>
    );
  }
  if (socket.fatalError) {
    return (
      <div className="rb-screen rb-screen--message">
        <ErrorAlert code={socket.fatalError} />
      </div>
    );
  }

  const count = socket.presence?.count ?? 0;
  const joinCode = state?.workshop.joinCode;
  return (
    <div className="rb-screen">
      <div className="rb-screen__board">
        {state ? (
          <Board template={state.workshop.template} cards={board.cards} loaded={board.loaded} readOnly large />
        ) : (
          <p className="rb-loading">{t('app.loading')}</p>
        )}
      </div>
      <aside className="rb-screen__side">
        <h1 className="rb-screen__title">{state?.workshop.title ?? ''}</h1>
        {joinCode && (
          <div className="rb-screen__join">
            <p className="rb-screen__join-text">{t('screen.joinAt')}</p>
            <p className="rb-screen__url">{`${location.origin}/doe-mee`}</p>
            <p className="rb-screen__join-text">{t('screen.withCode')}</p>
            <p className="rb-join-code rb-join-code--huge" data-testid="join-code">
              {formatJoinCode(joinCode)}
            </p>
            <img className="rb-qr rb-qr--large" src={joinQrUrl(joinCode)} alt={t('facilitator.qrAlt')} width={320} height={320} />
            <p className="rb-screen__scan">{t('screen.orScan')}</p>
          </div>
        )}
        <p className="rb-screen__count" data-testid="presence-count">
          <PeopleIcon />
          {t(presenceKey(count), { count })}
        </p>
        <SyncStatus state={board.sync} />
      </aside>
    </div>
  );
}
