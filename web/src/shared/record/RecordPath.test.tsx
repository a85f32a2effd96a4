import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ClosedStep, PathStep } from './path'
import { RecordPath } from './RecordPath'

const STEPS: PathStep[] = ['New', 'Contacted', 'Qualified'].map((v) => ({ value: v, label: v }))
const CLOSED: ClosedStep = {
  label: 'Converted',
  values: [
    { value: 'Converted', label: 'Converted', outcome: 'won' },
    { value: 'Unqualified', label: 'Unqualified', outcome: 'lost' },
  ],
}

describe('RecordPath', () => {
  it('marks the current step complete, or makes a clicked step current', async () => {
    const onMark = vi.fn()
    render(<RecordPath fieldLabel="Status" steps={STEPS} closed={CLOSED} current="New" onMark={onMark} onClose={vi.fn()} />)
    expect(screen.getByRole('option', { name: /New/ })).toHaveAttribute('aria-selected', 'true')
    await userEvent.click(screen.getByRole('button', { name: 'Mark Status as Complete' }))
    expect(onMark).toHaveBeenLastCalledWith('Contacted')
    await userEvent.click(screen.getByRole('option', { name: /Qualified/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Mark as Current Status' }))
    expect(onMark).toHaveBeenLastCalledWith('Qualified')
  })

  it('asks for the closed value on the last step', async () => {
    const onClose = vi.fn()
    render(<RecordPath fieldLabel="Status" steps={STEPS} closed={CLOSED} current="Contacted" onMark={vi.fn()} onClose={onClose} />)
    await userEvent.click(screen.getByRole('option', { name: /Converted/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Select Closed Status' }))
    expect(onClose).toHaveBeenCalled()
  })

  it('shows a closed value without a button when read-only', () => {
    render(<RecordPath fieldLabel="Status" steps={STEPS} closed={CLOSED} current="Converted" readOnly onMark={vi.fn()} onClose={vi.fn()} />)
    expect(screen.getByRole('option', { name: /Converted/ }).closest('li')).toHaveClass('slds-is-won')
    expect(screen.queryByRole('button')).toBeNull()
  })
})
