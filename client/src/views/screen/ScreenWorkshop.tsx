import { currentPhase } from '../../../../shared/control';
import type { WorkshopState } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { PeopleIcon } from '../../components/PeopleIcon';
import { presenceKey } from '../../components/PresenceInfo';
import { SyncStatus } from '../../components/SyncStatus';
import { formatJoinCode, joinQrUrl } from '../../joinCode';
import { PhaseHeader } from '../../method/PhaseHeader';
import { useMethodAnnouncements } from '../../method/useMethodAnnouncements';
import type { BoardDoc } from '../../realtime/useBoardDoc';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';
import { ScreenStage, TrajectoryNote } from './ScreenStage';
import { Spotlight } from './Spotlight';

/** The projector: the stage on the left; title, phase, timer and how to join always on the right. */
export function ScreenWorkshop({ socket, board, state }: { socket: WorkshopSocket; board: BoardDoc; state: WorkshopState }) {
  const { t } = useI18n();
  const { message, announce } = useAnnouncer();
  useMethodAnnouncements(socket, announce);
  const { control } = socket;
  const phase = control ? currentPhase(control) : undefined;
  // While people join, the code and QR are large; later they stay, smaller.
  const finished = !!control?.finishedAt;
  const welcome = !finished && (!phase || phase.kind === 'welkom');
  const count = socket.presence?.count ?? 0;
  const joinCode = state.workshop.joinCode;
  const template = state.workshop.template;

  return (
    <div className={`rb-screen${welcome ? ' rb-screen--welcome' : ''}`}>
      <div className="rb-screen__stage">
        {control?.spotlight && (
          <Spotlight
            spotlight={control.spotlight}
            cards={board.cards}
            barriers={socket.barriers}
            proposals={socket.proposals}
            alarms={socket.alarms}
            tally={socket.tally}
            template={template}
          />
        )}
        {control && <ScreenStage socket={socket} phase={phase} control={control} cards={board.cards} loaded={board.loaded} template={template} />}
      </div>
      <aside className="rb-screen__side">
        <h1 className="rb-screen__title">{state.workshop.title}</h1>
        {control && <PhaseHeader control={control} clockOffset={socket.clockOffset} large />}
        {control && <TrajectoryNote control={control} cards={board.cards} />}
        {/* Once finished nobody can join: no code or QR to invite them. */}
        {finished ? (
          <p className="rb-screen__finished" data-testid="screen-finished">
            {t('cockpit.screen.finished')}
          </p>
        ) : (
          <div className="rb-screen__join">
            <p className="rb-screen__join-text">{t('screen.joinAt')}</p>
            <p className="rb-screen__url">{`${location.origin}/doe-mee`}</p>
            <p className="rb-screen__join-text">{t('screen.withCode')}</p>
            <p className="rb-join-code rb-join-code--huge" data-testid="join-code">
              {formatJoinCode(joinCode)}
            </p>
            <img className="rb-qr rb-qr--large" src={joinQrUrl(joinCode)} alt={t('facilitator.qrAlt')} width={320} height={320} />
            {welcome && <p className="rb-screen__scan">{t('screen.orScan')}</p>}
          </div>
        )}
        <div className="rb-screen__foot">
          <p className="rb-screen__count" data-testid="presence-count">
            <PeopleIcon />
            {t(presenceKey(count), { count })}
          </p>
          <SyncStatus state={board.sync} />
        </div>
      </aside>
      <LiveRegion message={message} />
    </div>
  );
}
