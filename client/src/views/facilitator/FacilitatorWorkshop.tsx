import { useState } from 'react';
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
import { JoinPanel } from './JoinPanel';
import { PhaseBar } from './PhaseBar';
import { PresencePanel } from './PresencePanel';
import { ProposalAdmin } from './ProposalAdmin';
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

  if (!control) {
    return (
      <p className="rb-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const phase = currentPhase(control);
  const perms = phase?.permissions ?? [];
  const phaseMode: BoardMode = perms.includes('setTargets') && !perms.includes('moveCards') ? 'target' : 'move';
  const mode = modeChoice?.phaseId === control.currentPhaseId ? modeChoice.mode : phaseMode;
  const revealed = round?.round?.status === 'revealed' ? (round.results ?? null) : null;

  return (
    <>
      <PhaseBar control={control} send={send} />
      <nav className="rb-jump" aria-label={t('facilitator.jumpNav')}>
        <a href="#bord">{t('facilitator.jumpBoard')}</a>
        <a href="#drempels">{t('facilitator.jumpBarriers')}</a>
        <a href="#alarmen">{t('facilitator.jumpAlarms')}</a>
        <a href="#voorstellen">{t('facilitator.jumpProposals')}</a>
        <a href="#plaatsingsronde">{t('facilitator.jumpRound')}</a>
        <a href="#instellingen">{t('facilitator.jumpSettings')}</a>
      </nav>
      <div className="rb-facilitator">
        <div className="rb-facilitator__side">
          <ControlPanel control={control} send={send} cards={board.cards} barriers={barriers} proposals={proposals} />
          <TimerControls timer={control.timer} clockOffset={socket.clockOffset} send={send} />
          <PresencePanel presence={socket.presence} send={send} />
          <JoinPanel detail={detail} />
          <SettingsForm key={JSON.stringify(control.settings)} settings={control.settings} send={send} />
        </div>
        <div className="rb-facilitator__main">
          <section className="rb-panel" id="bord" aria-labelledby="rb-board-title">
            <h2 className="rb-panel__title" id="rb-board-title">
              {t('facilitator.boardTitle')}
            </h2>
            <BoardModeSwitch mode={mode} onMode={(m) => setModeChoice({ phaseId: control.currentPhaseId, mode: m })} />
            <Workspace
              key={mode}
              template={template}
              board={board}
              mode={mode}
              selectedExtra={(card) => <CardActions card={card} send={send} spotlight={control.spotlight} />}
              overlay={revealed ? (size) => <RoundOverlay results={revealed} size={size} /> : undefined}
            />
          </section>
          <RoundAdmin round={round} cards={board.cards} template={template} send={send} />
          <BarrierAdmin barriers={barriers} alarms={alarms} tally={tally} cards={board.cards} spotlight={control.spotlight} send={send} />
          <AlarmAdmin alarms={alarms} barriers={barriers} proposals={proposals} send={send} />
          <ProposalAdmin proposals={proposals} barriers={barriers} alarms={alarms} cards={board.cards} spotlight={control.spotlight} send={send} />
        </div>
      </div>
    </>
  );
}
