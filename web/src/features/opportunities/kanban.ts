import type { OpportunityListItem, OpportunityPage, Stage } from './types'

/** The board's columns: every stage, open ones first (Lightning's Kanban shows all stages). */
export const BOARD_STAGES: readonly Stage[] = ['Qualifying', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']

/** The probability the API sets for a stage (shown on a moved card until the answer arrives). */
export const STAGE_PROBABILITY: Record<Stage, number> = { Qualifying: 10, Proposal: 50, Negotiation: 75, 'Closed Won': 100, 'Closed Lost': 0 }

/** One column: its cards, how many there are in all and their summed amount (decimal string). */
export interface BoardColumn {
  stage: Stage
  items: OpportunityListItem[]
  total: number
  totalAmount: string
}

export type Board = readonly BoardColumn[]

function cents(amount: string | null | undefined): number {
  const n = Number(amount ?? 0)
  return Number.isFinite(n) ? Math.round(n * 100) : 0
}

/** `a + sign * b` on two-place decimal strings, without floating-point drift. */
export function addAmounts(a: string | null, b: string | null, sign: 1 | -1 = 1): string {
  const total = cents(a) + sign * cents(b)
  const negative = total < 0
  const abs = Math.abs(total)
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export function columnFromPage(stage: Stage, page: OpportunityPage | undefined): BoardColumn {
  return { stage, items: page?.items ?? [], total: page?.total ?? 0, totalAmount: page?.total_amount ?? '0.00' }
}

export function pageFromColumn(column: BoardColumn, previous: OpportunityPage | undefined): OpportunityPage {
  return {
    page: previous?.page ?? 1,
    page_size: previous?.page_size ?? column.items.length,
    items: column.items,
    total: column.total,
    total_amount: column.totalAmount,
  }
}

export interface Move {
  /** The board after the move (the card on top of its new column, counts and sums updated). */
  board: BoardColumn[]
  from: Stage
  to: Stage
  /** The card as it was before the move (its version is what the PUT is based on). */
  card: OpportunityListItem
}

/**
 * Moves a card to another stage's column, optimistically: the card (stage and probability as the API
 * will set them) goes on top of the target column, and both columns' counts and totals follow.
 * Nothing (undefined) when the card isn't on the board or already in that stage.
 */
export function moveCard(board: Board, id: string, to: Stage): Move | undefined {
  const source = board.find((c) => c.items.some((i) => i.id === id))
  if (!source || source.stage === to || !board.some((c) => c.stage === to)) return undefined
  const card = source.items.find((i) => i.id === id)!
  const moved: OpportunityListItem = { ...card, stage: to, probability: STAGE_PROBABILITY[to] }
  const next = board.map((column) => {
    if (column.stage === source.stage) {
      return {
        ...column,
        items: column.items.filter((i) => i.id !== id),
        total: Math.max(0, column.total - 1),
        totalAmount: addAmounts(column.totalAmount, card.calculated_amount, -1),
      }
    }
    if (column.stage === to) {
      return {
        ...column,
        items: [moved, ...column.items],
        total: column.total + 1,
        totalAmount: addAmounts(column.totalAmount, card.calculated_amount),
      }
    }
    return column
  })
  return { board: next, from: source.stage, to, card }
}

/** Puts the saved card (new version from the API) in place of the optimistic one. */
export function replaceCard(board: Board, saved: Pick<OpportunityListItem, 'id'> & Partial<OpportunityListItem>): BoardColumn[] {
  return board.map((column) => ({
    ...column,
    items: column.items.map((i) => (i.id === saved.id ? { ...i, ...saved } : i)),
  }))
}

/** The toast after a 409: someone else changed the opportunity (and where it is now, when known). */
export function conflictMessage(name: string, currentStage: string | undefined): { title: string; message: string } {
  return {
    title: `"${name}" was changed by someone else.`,
    message: currentStage
      ? `It's back where it was; its stage is now ${currentStage}. The board shows the latest.`
      : 'It\'s back where it was. The board shows the latest.',
  }
}
