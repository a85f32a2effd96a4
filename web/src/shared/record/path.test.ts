import { describe, expect, it } from 'vitest'
import { CLOSED_STEP, pathAction, pathItems, type ClosedStep, type PathStep } from './path'

const STEPS: PathStep[] = ['Qualifying', 'Proposal', 'Negotiation'].map((v) => ({ value: v, label: v }))
const CLOSED: ClosedStep = {
  label: 'Closed',
  values: [
    { value: 'Closed Won', label: 'Closed Won', outcome: 'won' },
    { value: 'Closed Lost', label: 'Closed Lost', outcome: 'lost' },
  ],
}

describe('pathItems', () => {
  it('marks earlier steps complete, the current one current and later ones incomplete', () => {
    expect(pathItems(STEPS, CLOSED, 'Proposal').map((i) => [i.label, i.state])).toEqual([
      ['Qualifying', 'complete'],
      ['Proposal', 'current'],
      ['Negotiation', 'incomplete'],
      ['Closed', 'incomplete'],
    ])
  })

  it('shows the closed value on the last step: won completes every step, lost leaves them grey', () => {
    expect(pathItems(STEPS, CLOSED, 'Closed Won').map((i) => i.state)).toEqual(['complete', 'complete', 'complete', 'won'])
    const lost = pathItems(STEPS, CLOSED, 'Closed Lost')
    expect(lost.map((i) => i.state)).toEqual(['incomplete', 'incomplete', 'incomplete', 'lost'])
    expect(lost[3]).toEqual({ key: CLOSED_STEP, label: 'Closed Lost', state: 'lost' })
  })
})

describe('pathAction', () => {
  it('marks the current step complete by moving to the next one', () => {
    expect(pathAction(STEPS, CLOSED, 'Qualifying', 'Qualifying')).toEqual({ kind: 'complete', target: 'Proposal' })
  })

  it('asks for the closed value after the last open step and on the closed step', () => {
    expect(pathAction(STEPS, CLOSED, 'Negotiation', 'Negotiation')).toEqual({ kind: 'close' })
    expect(pathAction(STEPS, CLOSED, 'Qualifying', CLOSED_STEP)).toEqual({ kind: 'close' })
  })

  it('makes another selected step the current one (also reopening a closed record)', () => {
    expect(pathAction(STEPS, CLOSED, 'Negotiation', 'Qualifying')).toEqual({ kind: 'current', target: 'Qualifying' })
    expect(pathAction(STEPS, CLOSED, 'Closed Lost', 'Proposal')).toEqual({ kind: 'current', target: 'Proposal' })
  })
})
