import '../i18n/cockpit';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { WorkshopDeleted, isDeleted } from '../components/WorkshopDeleted';
import { takeScreenToken } from '../realtime/session';
import { useBoardDoc } from '../realtime/useBoardDoc';
import { useWorkshopSocket } from '../realtime/useWorkshopSocket';
import { ScreenWorkshop } from './screen/ScreenWorkshop';

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
        <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
          {t('screen.noToken')}
        </p>
      </div>
    );
  }
  if (isDeleted(socket.fatalError, board.closedCode)) return <WorkshopDeleted large />;
  if (socket.fatalError) {
    return (
      <div className="rb-screen rb-screen--message">
        <ErrorAlert code={socket.fatalError} />
      </div>
    );
  }

  if (!state) return <p className="rb-loading">{t('app.loading')}</p>;
  return <ScreenWorkshop socket={socket} board={board} state={state} />;
}
