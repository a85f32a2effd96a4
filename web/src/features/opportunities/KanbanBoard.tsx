import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { isApiError } from '../../shared/api'
import { conflictCurrent, formatDate, formatMoney } from '../../shared/record'
import { ActionMenu, cx, Illustration, PageHeader, Spinner, useToast } from '../../shared/ui'
import { opportunitiesApi, opportunityHref, opportunityKeys } from './api'
import { BOARD_STAGES, columnFromPage, conflictMessage, moveCard, pageFromColumn, replaceCard, type BoardColumn } from './kanban'
import type { Opportunity, OpportunityListItem, OpportunityPage, Stage } from './types'

const DRAG_TYPE = 'application/x-crm-opportunity'

export interface KanbanBoardProps {
  /** '' (everyone's) or 'me'. */
  owner: string
  controls: ReactNode
  viewSwitch: ReactNode
}

/**
 * The pipeline board: a column per stage (count and total amount from the list answer), cards you
 * drag to another column (or move with the card's "Move to…" menu). A move shows at once, PUTs
 * `{stage, version}`, and goes back with an explanation when the API refuses (409, 400).
 */
export function KanbanBoard({ owner, controls, viewSwitch }: KanbanBoardProps) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const [dragging, setDragging] = useState<string>()
  const [over, setOver] = useState<Stage>()
  const [moving, setMoving] = useState<string>()

  const columnKey = (stage: Stage) => opportunityKeys.column(stage, owner)
  const results = useQueries({
    queries: BOARD_STAGES.map((stage) => ({
      queryKey: columnKey(stage),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        opportunitiesApi.list({ stage, owner_id: owner || undefined, sort: '-created_at', page: 1, page_size: 200 }, signal),
    })),
  })
  const board: BoardColumn[] = BOARD_STAGES.map((stage, i) => columnFromPage(stage, results[i]?.data))
  const loading = results.some((r) => r.isPending)
  const failed = results.find((r) => r.isError)

  const readBoard = () => BOARD_STAGES.map((stage) => columnFromPage(stage, queryClient.getQueryData<OpportunityPage>(columnKey(stage))))
  const writeBoard = (next: readonly BoardColumn[]) => {
    for (const column of next) {
      queryClient.setQueryData<OpportunityPage>(columnKey(column.stage), (previous) => pageFromColumn(column, previous))
    }
  }

  async function move(id: string, to: Stage) {
    const planned = moveCard(readBoard(), id, to)
    if (!planned) return
    await queryClient.cancelQueries({ queryKey: opportunityKeys.board })
    const snapshot = BOARD_STAGES.map((stage) => [stage, queryClient.getQueryData<OpportunityPage>(columnKey(stage))] as const)
    writeBoard(planned.board)
    setMoving(id)
    try {
      const saved = await opportunitiesApi.update(id, { stage: to, version: planned.card.version })
      writeBoard(replaceCard(readBoard(), { id, stage: saved.stage, probability: saved.probability, version: saved.version }))
      queryClient.setQueryData(opportunityKeys.detail(id), saved)
      toast.success(`"${planned.card.name}" moved to ${to}.`)
    } catch (e) {
      for (const [stage, page] of snapshot) queryClient.setQueryData(columnKey(stage), page)
      if (isApiError(e) && e.status === 409) {
        let current = conflictCurrent<Opportunity>(e)
        if (!current) current = await opportunitiesApi.get(id).catch(() => undefined)
        const { title, message } = conflictMessage(planned.card.name, current?.stage)
        toast.show({ variant: 'warning', title, message: current ? message : `${message} ${e.displayMessage}`, duration: 10000 })
      } else {
        toast.error(`"${planned.card.name}" couldn't be moved to ${to}.`, isApiError(e) ? e.displayMessage : 'Try again in a moment.')
      }
    } finally {
      setMoving(undefined)
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.board })
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.lists })
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(id) })
    }
  }

  const total = board.reduce((n, c) => n + c.total, 0)
  return (
    <div className="crm-page crm-list-view crm-kanban-view">
      <PageHeader
        icon="standard:opportunity"
        label="Opportunities"
        title={owner === 'me' ? 'My Opportunities' : 'All Opportunities'}
        actions={viewSwitch}
        meta={loading ? 'Loading…' : `${total} ${total === 1 ? 'item' : 'items'} • Grouped by Stage • Drag a card to change its stage`}
        controls={<div className="slds-page-header__control crm-list-controls slds-grid">{controls}</div>}
      />
      {failed && !failed.data ? (
        <div className="slds-p-around_large">
          <Illustration
            name="page-not-available"
            size="small"
            heading="The pipeline couldn't be loaded"
            message={isApiError(failed.error) ? failed.error.displayMessage : 'Try again in a moment.'}
          >
            <button type="button" className="slds-button slds-button_neutral" onClick={() => void queryClient.invalidateQueries({ queryKey: opportunityKeys.board })}>
              Try Again
            </button>
          </Illustration>
        </div>
      ) : (
        <div className="crm-kanban slds-is-relative">
          {loading ? <Spinner size="small" label="Loading opportunities" /> : null}
          {board.map((column) => (
            <section
              key={column.stage}
              aria-label={column.stage}
              className={cx(
                'crm-kanban__column',
                column.stage === 'Closed Won' && 'crm-kanban__column_won',
                column.stage === 'Closed Lost' && 'crm-kanban__column_lost',
                over === column.stage && dragging && 'crm-kanban__column_over',
              )}
              data-stage={column.stage}
              onDragOver={(e) => {
                if (!dragging) return
                e.preventDefault()
                e.dataTransfer.dropEffect = 'move'
                if (over !== column.stage) setOver(column.stage)
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null) && over === column.stage) setOver(undefined)
              }}
              onDrop={(e) => {
                e.preventDefault()
                const id = e.dataTransfer.getData(DRAG_TYPE) || dragging
                setOver(undefined)
                setDragging(undefined)
                if (id) void move(id, column.stage)
              }}
            >
              <header className="crm-kanban__header">
                <h2 className="slds-text-heading_small slds-truncate" title={column.stage}>
                  {column.stage} <span className="slds-text-color_weak">({column.total})</span>
                </h2>
                <p className="slds-text-body_small slds-text-color_weak crm-kanban__sum" aria-label={`${column.stage} total amount`}>
                  {formatMoney(column.totalAmount)}
                </p>
              </header>
              <ul className="crm-kanban__cards" aria-label={`${column.stage} opportunities`}>
                {column.items.map((card) => (
                  <li key={card.id}>
                    <KanbanCard
                      card={card}
                      moving={moving === card.id || dragging === card.id}
                      onDragStart={() => setDragging(card.id)}
                      onDragEnd={() => {
                        setDragging(undefined)
                        setOver(undefined)
                      }}
                      onMove={(to) => void move(card.id, to)}
                    />
                  </li>
                ))}
                {!loading && column.items.length === 0 ? (
                  <li className="crm-kanban__empty slds-text-body_small slds-text-color_weak">No opportunities</li>
                ) : null}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  )
}

function KanbanCard({
  card,
  moving,
  onDragStart,
  onDragEnd,
  onMove,
}: {
  card: OpportunityListItem
  moving: boolean
  onDragStart: () => void
  onDragEnd: () => void
  onMove: (to: Stage) => void
}) {
  return (
    <article
      className={cx('slds-card slds-card_boundary crm-kanban__card', moving && 'crm-kanban__card_moving')}
      aria-label={card.name}
      draggable
      data-id={card.id}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, card.id)
        e.dataTransfer.setData('text/plain', card.name)
        e.dataTransfer.effectAllowed = 'move'
        onDragStart()
      }}
      onDragEnd={onDragEnd}
    >
      <div className="slds-card__header slds-grid">
        <header className="slds-media slds-media_center slds-has-flexi-truncate">
          <div className="slds-media__body">
            <h3 className="slds-card__header-title slds-truncate" title={card.name}>
              <Link to={opportunityHref(card.id)} draggable={false}>
                {card.name}
              </Link>
            </h3>
          </div>
          <div className="slds-no-flex">
            <ActionMenu
              label={`Move ${card.name}`}
              items={BOARD_STAGES.filter((s) => s !== card.stage).map((s) => ({ label: `Move to ${s}`, onSelect: () => onMove(s) }))}
            />
          </div>
        </header>
      </div>
      <div className="slds-card__body slds-card__body_inner">
        <dl className="slds-list_horizontal slds-wrap slds-text-body_small">
          <dt className="slds-item_label slds-text-color_weak slds-truncate" title="Account Name">
            Account:
          </dt>
          <dd className="slds-item_detail slds-truncate" title={card.account_name}>
            {card.account_name}
          </dd>
          <dt className="slds-item_label slds-text-color_weak slds-truncate" title="Amount">
            Amount:
          </dt>
          <dd className="slds-item_detail slds-truncate">{formatMoney(card.calculated_amount)}</dd>
          <dt className="slds-item_label slds-text-color_weak slds-truncate" title="Close Date">
            Close Date:
          </dt>
          <dd className="slds-item_detail slds-truncate">{formatDate(card.close_date) || '—'}</dd>
        </dl>
      </div>
    </article>
  )
}
