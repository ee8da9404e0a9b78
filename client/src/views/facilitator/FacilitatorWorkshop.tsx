import { useMemo, useRef, useState, type ReactNode } from 'react';
import { currentPhase } from '../../../../shared/control';
import type { WorkshopDetail } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import type { BoardMode } from '../../board/Board';
import { Workspace } from '../../board/Workspace';
import { RoundOverlay } from '../../method/RoundOverlay';
import type { BoardDoc } from '../../realtime/useBoardDoc';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';
import { AlarmAdmin } from './AlarmAdmin';
import { BarrierAdmin } from './BarrierAdmin';
import { BoardModeSwitch } from './BoardModeSwitch';
import { CardActions } from './CardActions';
import { ControlPanel } from './ControlPanel';
import { DownloadsPanel } from './DownloadsPanel';
import { FinishPanel } from './FinishPanel';
import { JoinPanel } from './JoinPanel';
import { OpenProposals } from './OpenProposals';
import { PhaseBar } from './PhaseBar';
import { PresencePanel } from './PresencePanel';
import { ProposalAdmin } from './ProposalAdmin';
import { RegisterPicker } from './RegisterPicker';
import { RetentionPanel } from './RetentionPanel';
import { RoundAdmin } from './RoundAdmin';
import { SettingsForm } from './SettingsForm';
import { TimerControls } from './TimerControls';

interface Props {
  detail: WorkshopDetail;
  socket: WorkshopSocket;
  board: BoardDoc;
}

/** The facilitator's desk: steps on top; switches and people beside; board and the method's lists below. */
export function FacilitatorWorkshop({ detail, socket, board }: Props) {
  const { t } = useI18n();
  const { control, send, barriers, proposals, alarms, tally, round } = socket;
  const [modeChoice, setModeChoice] = useState<{ phaseId: string; mode: BoardMode } | null>(null);
  const template = socket.state?.workshop.template ?? detail.template;
  const lifecycleActed = useRef(false);
  const registerKey = useMemo(
    () =>
      board.cards
        .map((c) => c.registerId ?? '')
        .filter(Boolean)
        .sort()
        .join(','),
    [board.cards],
  );

  if (!control) {
    return (
      <p className="rb-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const phase = currentPhase(control);
  const perms = phase?.permissions ?? [];
  // A closed workshop is read-only for everyone, the facilitator too: its controls are off.
  const finished = !!control.finishedAt;
  const phaseMode: BoardMode = perms.includes('setTargets') && !perms.includes('moveCards') ? 'target' : 'move';
  const chosenMode = modeChoice?.phaseId === control.currentPhaseId ? modeChoice.mode : phaseMode;
  const mode: BoardMode = finished ? 'view' : chosenMode;
  const revealed = round?.round?.status === 'revealed' ? (round.results ?? null) : null;
  const title = socket.state?.workshop.title ?? detail.title;

  return (
    <>
      {finished && <FinishPanel workshopId={detail.id} finishedAt={control.finishedAt} acted={lifecycleActed} />}
      <ReadOnlyWhen when={finished}>
        <PhaseBar control={control} send={send} />
      </ReadOnlyWhen>
      <nav className="rb-jump" aria-label={t('facilitator.jumpNav')}>
        <a href="#bord">{t('facilitator.jumpBoard')}</a>
        <a href="#drempels">{t('facilitator.jumpBarriers')}</a>
        <a href="#alarmen">{t('facilitator.jumpAlarms')}</a>
        <a href="#voorstellen">{t('facilitator.jumpProposals')}</a>
        <a href="#plaatsingsronde">{t('facilitator.jumpRound')}</a>
        <a href="#instellingen">{t('facilitator.jumpSettings')}</a>
        <a href="#downloads">{t('lasting.downloads.title')}</a>
        <a href="#bewaren">{t('lasting.keep.title')}</a>
      </nav>
      <div className="rb-facilitator">
        <div className="rb-facilitator__side">
          {!finished && <FinishPanel workshopId={detail.id} finishedAt={null} acted={lifecycleActed} />}
          <DownloadsPanel workshopId={detail.id} />
          <ReadOnlyWhen when={finished}>
            <ControlPanel control={control} send={send} cards={board.cards} barriers={barriers} proposals={proposals} />
            <TimerControls timer={control.timer} clockOffset={socket.clockOffset} send={send} />
            <PresencePanel presence={socket.presence} send={send} />
          </ReadOnlyWhen>
          <JoinPanel detail={detail} />
          <ReadOnlyWhen when={finished}>
            <SettingsForm key={JSON.stringify(control.settings)} settings={control.settings} send={send} />
          </ReadOnlyWhen>
          <RetentionPanel workshopId={detail.id} title={title} />
        </div>
        <div className="rb-facilitator__main">
          {phase?.kind === 'welkom' && <OpenProposals workshopId={detail.id} registerKey={registerKey} />}
          <section className="rb-panel" id="bord" aria-labelledby="rb-board-title">
            <h2 className="rb-panel__title" id="rb-board-title">
              {t('facilitator.boardTitle')}
            </h2>
            {!finished && <BoardModeSwitch mode={mode} onMode={(m) => setModeChoice({ phaseId: control.currentPhaseId, mode: m })} />}
            <Workspace
              key={mode}
              template={template}
              board={board}
              mode={mode}
              canAdd={!finished}
              notice={finished ? t('lasting.finished.boardNotice') : undefined}
              selectedExtra={finished ? undefined : (card) => <CardActions card={card} send={send} spotlight={control.spotlight} />}
              overlay={revealed ? (size) => <RoundOverlay results={revealed} size={size} /> : undefined}
            />
          </section>
          {!finished && <RegisterPicker workshopId={detail.id} cards={board.cards} />}
          <ReadOnlyWhen when={finished}>
            <RoundAdmin round={round} cards={board.cards} template={template} send={send} />
            <BarrierAdmin barriers={barriers} alarms={alarms} tally={tally} cards={board.cards} spotlight={control.spotlight} send={send} />
            <AlarmAdmin alarms={alarms} barriers={barriers} proposals={proposals} send={send} />
            <ProposalAdmin proposals={proposals} barriers={barriers} alarms={alarms} cards={board.cards} spotlight={control.spotlight} send={send} />
          </ReadOnlyWhen>
        </div>
      </div>
    </>
  );
}

/** While the workshop is closed: the controls inside are disabled, and say why to screen readers. */
function ReadOnlyWhen({ when, children }: { when: boolean; children: ReactNode }) {
  const { t } = useI18n();
  if (!when) return <>{children}</>;
  return (
    <fieldset className="rb-readonly" disabled>
      <legend className="rb-sr-only">{t('lasting.finish.readOnly')}</legend>
      {children}
    </fieldset>
  );
}
