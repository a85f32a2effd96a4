import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../shared/api'
import { retryWhilePreparing } from './generate'

describe('retryWhilePreparing', () => {
  it('retries a 404 until the record is there', async () => {
    const run = vi.fn().mockRejectedValueOnce(new ApiError(404, {})).mockRejectedValueOnce(new ApiError(404, {})).mockResolvedValue('order')
    const preparing = vi.fn()
    await expect(retryWhilePreparing(run, preparing, 5, 0)).resolves.toBe('order')
    expect(run).toHaveBeenCalledTimes(3)
    expect(preparing).toHaveBeenCalledTimes(2)
  })

  it('gives up after the retries and does not retry other errors', async () => {
    const notFound = vi.fn().mockRejectedValue(new ApiError(404, {}))
    await expect(retryWhilePreparing(notFound, () => undefined, 2, 0)).rejects.toMatchObject({ status: 404 })
    expect(notFound).toHaveBeenCalledTimes(3)
    const conflict = vi.fn().mockRejectedValue(new ApiError(409, {}))
    await expect(retryWhilePreparing(conflict, () => undefined, 2, 0)).rejects.toMatchObject({ status: 409 })
    expect(conflict).toHaveBeenCalledTimes(1)
  })
})
