import { describe, expect, it } from 'vitest'
import { addAmounts, conflictMessage, moveCard, replaceCard, type BoardColumn } from './kanban'
import type { OpportunityListItem, Stage } from './types'

function card(id: string, stage: Stage, amount: string): OpportunityListItem {
  return {
    id,
    name: `Deal ${id}`,
    account_id: 'a',
    account_name: 'Acme',
    stage,
    probability: 10,
    close_date: '2026-06-30',
    calculated_amount: amount,
    owner_id: 'u',
    owner_name: 'Ada Lovelace',
    created_at: '2026-01-01T00:00:00Z',
    version: 3,
  }
}

const BOARD: BoardColumn[] = [
  { stage: 'Qualifying', items: [card('1', 'Qualifying', '1000.10'), card('2', 'Qualifying', '250.00')], total: 2, totalAmount: '1250.10' },
  { stage: 'Proposal', items: [], total: 0, totalAmount: '0.00' },
  { stage: 'Closed Won', items: [card('3', 'Closed Won', '99.95')], total: 7, totalAmount: '5000.00' },
]

describe('addAmounts', () => {
  it('adds and subtracts two-place decimals exactly', () => {
    expect(addAmounts('0.10', '0.20')).toBe('0.30')
    expect(addAmounts('1250.10', '1000.10', -1)).toBe('250.00')
    expect(addAmounts('0.00', '5.05', -1)).toBe('-5.05')
  })
})

describe('moveCard', () => {
  it('moves the card on top of the target column with the stage and probability the API will set', () => {
    const move = moveCard(BOARD, '1', 'Closed Won')!
    expect(move.from).toBe('Qualifying')
    expect(move.card.stage).toBe('Qualifying')
    expect(move.card.version).toBe(3)
    const [qualifying, proposal, won] = move.board
    expect(qualifying!.items.map((i) => i.id)).toEqual(['2'])
    expect(qualifying!.total).toBe(1)
    expect(qualifying!.totalAmount).toBe('250.00')
    expect(proposal).toBe(BOARD[1])
    expect(won!.items.map((i) => i.id)).toEqual(['1', '3'])
    expect(won!.items[0]).toMatchObject({ stage: 'Closed Won', probability: 100 })
    expect(won!.total).toBe(8)
    expect(won!.totalAmount).toBe('6000.10')
  })

  it('leaves the board untouched (rollback is the previous board)', () => {
    const before = JSON.stringify(BOARD)
    moveCard(BOARD, '1', 'Proposal')
    expect(JSON.stringify(BOARD)).toBe(before)
  })

  it('does nothing for the same column, an unknown card or a stage without a column', () => {
    expect(moveCard(BOARD, '1', 'Qualifying')).toBeUndefined()
    expect(moveCard(BOARD, 'nope', 'Proposal')).toBeUndefined()
    expect(moveCard(BOARD, '1', 'Negotiation')).toBeUndefined()
  })
})

describe('replaceCard', () => {
  it('takes the saved version from the answer', () => {
    const moved = moveCard(BOARD, '2', 'Proposal')!.board
    const next = replaceCard(moved, { id: '2', version: 4, probability: 50 })
    expect(next[1]!.items[0]).toMatchObject({ id: '2', stage: 'Proposal', version: 4, probability: 50 })
  })
})

describe('conflictMessage', () => {
  it("names the opportunity and its current stage", () => {
    expect(conflictMessage('Deal 1', 'Negotiation')).toEqual({
      title: '"Deal 1" was changed by someone else.',
      message: "It's back where it was; its stage is now Negotiation. The board shows the latest.",
    })
    expect(conflictMessage('Deal 1', undefined).message).toBe("It's back where it was. The board shows the latest.")
  })
})
