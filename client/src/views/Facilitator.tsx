import '../i18n/cockpit';
import { useEffect, useState } from 'react';
import type { WorkshopDetail } from '../../../shared/protocol';
import { ApiError, api, errorCode } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { SyncStatus, syncOf } from '../components/SyncStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { WorkshopDeleted, isDeleted } from '../components/WorkshopDeleted';
import { useBoardDoc } from '../realtime/useBoardDoc';
import { useWorkshopSocket } from '../realtime/useWorkshopSocket';
import { goToLogin } from '../router';
import { FacilitatorWorkshop } from './facilitator/FacilitatorWorkshop';

type State = { kind: 'loading' } | { kind: 'error'; code: string } | { kind: 'ready'; detail: WorkshopDetail };

/** /begeleider/w/:id: the facilitator drives the workshop from here. */
export default function Facilitator({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const ready = state.kind === 'ready';
  const socket = useWorkshopSocket(id, null, ready);
  const board = useBoardDoc(id, null, ready);
  useDocumentTitle(ready ? state.detail.title : t('dashboard.title'));

  useEffect(() => {
    let live = true;
    api<WorkshopDetail>(`/api/workshops/${id}`).then(
      (detail) => live && setState({ kind: 'ready', detail }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) goToLogin(`/begeleider/w/${id}`);
        else setState({ kind: 'error', code: errorCode(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  if (state.kind === 'error') {
    return (
      <div className="rb-page">
        <p>
          <Link href="/begeleider">← {t('facilitator.back')}</Link>
        </p>
        {state.code === 'NOT_ALLOWED' ? (
          <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
            {t('facilitator.forbidden')}
          </p>
        ) : (
          <ErrorAlert code={state.code} />
        )}
      </div>
    );
  }

  if (isDeleted(socket.fatalError, board.closedCode)) {
    return (
      <WorkshopDeleted>
        <p>
          <Link href="/begeleider">← {t('facilitator.back')}</Link>
        </p>
      </WorkshopDeleted>
    );
  }

  const { detail } = state;
  return (
    <div className="rb-page rb-page--wide">
      <div className="rb-page__head">
        <div>
          <p className="rb-back">
            <Link href="/begeleider">← {t('facilitator.back')}</Link>
          </p>
          <h1>{socket.state?.workshop.title ?? detail.title}</h1>
        </div>
        <SyncStatus {...syncOf(board, socket.pendingActions)} />
      </div>
      {socket.fatalError && <ErrorAlert code={socket.fatalError} />}
      <FacilitatorWorkshop detail={detail} socket={socket} board={board} />
    </div>
  );
}
