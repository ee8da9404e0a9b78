import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { shownTrajectories } from '../../../../shared/trajectoryFilter';
import { currentPhase } from '../../../../shared/control';
import type { Alarm } from '../../../../shared/method';
import type { PhaseKind } from '../../../../shared/phases';
import type { WorkshopDetail } from '../../../../shared/protocol';
import { useI18n, type MessageKey } from '../../i18n';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import type { BoardMode } from '../../board/Board';
import { BoardViewContext } from '../../board/boardView';
import { Workspace } from '../../board/Workspace';
import { RoundOverlay } from '../../method/RoundOverlay';
import type { BoardDoc } from '../../realtime/useBoardDoc';
import type { WorkshopSocket } from '../../realtime/useWorkshopSocket';
import { screenPlan } from '../screen/screenContent';
import { AlarmAdmin } from './AlarmAdmin';
import { BarrierAdmin } from './BarrierAdmin';
import { BoardModeSwitch } from './BoardModeSwitch';
import { CardActions } from './CardActions';
import { CockpitBar } from './CockpitBar';
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
import { TitleForm } from './TitleForm';
import { TrajectoryFilter } from './TrajectoryFilter';
import { useAlarmSignal } from './useAlarmSignal';

interface Props {
  detail: WorkshopDetail;
  socket: WorkshopSocket;
  board: BoardDoc;
}

const TABS = ['board', 'barriers', 'proposals', 'alarms', 'people', 'steps', 'settings', 'downloads'] as const;
type Tab = (typeof TABS)[number];

/** The task that belongs to a phase: the tab the cockpit opens when the phase changes. */
const TAB_OF_PHASE: Record<PhaseKind, Tab> = {
  welkom: 'people',
  positioneren: 'board',
  koers: 'board',
  drempels: 'barriers',
  stemmen: 'barriers',
  voorstellen: 'proposals',
  afronden: 'downloads',
};

/**
 * The facilitator's desk: the cockpit (a fixed control bar) on top, and below it one
 * task at a time in tabs (board, barriers and votes, proposals, alarms, people,
 * steps, settings, downloads), so no phase needs long scrolling on a laptop, and a
 * phone can run the workshop from the cockpit alone. The tab follows the phase
 * until the facilitator picks one.
 */
export function FacilitatorWorkshop({ detail, socket, board }: Props) {
  const { t } = useI18n();
  const { control, send, barriers, proposals, alarms, tally, round } = socket;
  const [modeChoice, setModeChoice] = useState<{ phaseId: string; mode: BoardMode } | null>(null);
  const [tabChoice, setTabChoice] = useState<{ phaseId: string; tab: Tab } | null>(null);
  const [sound, setSound] = useState(false);
  const template = socket.state?.workshop.template ?? detail.template;
  const lifecycleActed = useRef(false);
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const { message, announce } = useAnnouncer();
  const describe = useCallback((a: Alarm) => t('cockpit.alarmAnnounce', { reason: a.reason || t('cockpit.tab.alarms') }), [t]);
  useAlarmSignal(alarms, announce, describe, sound);
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
  const tab: Tab = tabChoice?.phaseId === control.currentPhaseId ? tabChoice.tab : phase ? TAB_OF_PHASE[phase.kind] : 'board';
  const choose = (next: Tab) => setTabChoice({ phaseId: control.currentPhaseId, tab: next });
  const plan = screenPlan({ phase, control, barriers, proposals, alarms, tally, round });
  const newAlarms = alarms.filter((a) => a.status === 'proposed').length;
  const trajectoryIds = shownTrajectories(board.cards, control.trajectories);

  // Tabs as the ARIA pattern: arrow keys move between them, Home/End to the ends.
  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    const i = TABS.indexOf(tab);
    const to =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i - 1 + TABS.length) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!to) return;
    e.preventDefault();
    choose(to);
    tabRefs.current.get(to)?.focus();
  }

  const panels: Record<Tab, ReactNode> = {
    board: (
      <>
        {phase?.kind === 'welkom' && <OpenProposals workshopId={detail.id} registerKey={registerKey} />}
        <section className="rb-panel" id="bord" aria-labelledby="rb-board-title">
          <h2 className="rb-panel__title" id="rb-board-title">
            {t('facilitator.boardTitle')}
          </h2>
          <div className="rb-board-controls">
            {!finished && <BoardModeSwitch mode={mode} onMode={(m) => setModeChoice({ phaseId: control.currentPhaseId, mode: m })} />}
            <TrajectoryFilter focus={control.trajectories} cards={board.cards} send={send} disabled={finished} />
          </div>
          {/* The facilitator's board: the screen's label layout, and the arrows the filter shows. */}
          <BoardViewContext.Provider
            value={{ declutter: true, trajectoryIds, focusId: control.trajectories.show === 'card' ? control.trajectories.cardId : null }}
          >
            <Workspace
              key={mode}
              template={template}
              board={board}
              mode={mode}
              canAdd={!finished}
              notice={finished ? t('lasting.finished.boardNotice') : undefined}
              selectedExtra={
                finished ? undefined : (card) => <CardActions card={card} send={send} spotlight={control.spotlight} trajectories={control.trajectories} />
              }
              overlay={revealed ? (size) => <RoundOverlay results={revealed} size={size} /> : undefined}
            />
          </BoardViewContext.Provider>
        </section>
        {!finished && <RegisterPicker workshopId={detail.id} cards={board.cards} />}
        <ReadOnlyWhen when={finished}>
          <RoundAdmin round={round} cards={board.cards} template={template} send={send} />
        </ReadOnlyWhen>
      </>
    ),
    barriers: (
      <ReadOnlyWhen when={finished}>
        <ControlPanel control={control} send={send} cards={board.cards} barriers={barriers} proposals={proposals} />
        <BarrierAdmin barriers={barriers} alarms={alarms} tally={tally} cards={board.cards} spotlight={control.spotlight} send={send} />
      </ReadOnlyWhen>
    ),
    proposals: (
      <ReadOnlyWhen when={finished}>
        <ProposalAdmin proposals={proposals} barriers={barriers} alarms={alarms} cards={board.cards} spotlight={control.spotlight} send={send} />
      </ReadOnlyWhen>
    ),
    alarms: (
      <>
        <label className="rb-check rb-cockpit__sound">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
          {t('cockpit.sound')}
        </label>
        <ReadOnlyWhen when={finished}>
          <AlarmAdmin alarms={alarms} barriers={barriers} proposals={proposals} send={send} />
        </ReadOnlyWhen>
      </>
    ),
    people: (
      <div className="rb-facilitator__pair">
        <JoinPanel detail={detail} />
        <ReadOnlyWhen when={finished}>
          <PresencePanel presence={socket.presence} send={send} />
        </ReadOnlyWhen>
      </div>
    ),
    steps: (
      <ReadOnlyWhen when={finished}>
        <PhaseBar control={control} send={send} />
        <TimerControls timer={control.timer} clockOffset={socket.clockOffset} send={send} />
      </ReadOnlyWhen>
    ),
    settings: (
      <div className="rb-facilitator__pair">
        <div>
          <section className="rb-panel" aria-labelledby="rb-title-title">
            <h2 className="rb-panel__title" id="rb-title-title">
              {t('cockpit.rename.title')}
            </h2>
            <TitleForm key={title} workshopId={detail.id} title={title} />
          </section>
          <ReadOnlyWhen when={finished}>
            <SettingsForm key={JSON.stringify(control.settings)} settings={control.settings} send={send} />
          </ReadOnlyWhen>
        </div>
        <RetentionPanel workshopId={detail.id} title={title} />
      </div>
    ),
    downloads: (
      <div className="rb-facilitator__pair">
        <div>{!finished && <FinishPanel workshopId={detail.id} finishedAt={null} acted={lifecycleActed} />}</div>
        <DownloadsPanel workshopId={detail.id} />
      </div>
    ),
  };

  return (
    <>
      {finished && <FinishPanel workshopId={detail.id} finishedAt={control.finishedAt} acted={lifecycleActed} />}
      <CockpitBar
        control={control}
        send={send}
        clockOffset={socket.clockOffset}
        presence={socket.presence}
        alarms={alarms}
        screen={plan}
        finished={finished}
        onAlarms={() => {
          choose('alarms');
          tabRefs.current.get('alarms')?.focus();
        }}
      />
      <div className="rb-tabs" role="tablist" aria-label={t('cockpit.tabs')}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              if (el) tabRefs.current.set(id, el);
              else tabRefs.current.delete(id);
            }}
            type="button"
            role="tab"
            id={`rb-tab-${id}`}
            className="rb-tabs__tab"
            aria-selected={tab === id}
            aria-controls={`rb-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => choose(id)}
            onKeyDown={onTabKey}
          >
            {t(`cockpit.tab.${id}` as MessageKey)}
            {id === 'alarms' && newAlarms > 0 && (
              <span className="rb-tabs__badge" data-testid="alarm-badge">
                {newAlarms}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="rb-tabpanel" role="tabpanel" id={`rb-panel-${tab}`} aria-labelledby={`rb-tab-${tab}`} tabIndex={-1}>
        {panels[tab]}
      </div>
      <LiveRegion message={message} />
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
