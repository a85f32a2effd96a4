import { isApiError } from '../../shared/api'

/** How often, and how long apart, a 404 (the won deal hasn't reached Billing yet) is retried. */
export const PREPARING_RETRIES = 5
export const PREPARING_DELAY_MS = 1500

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Calls `run`; while it answers 404 (Billing hasn't heard of the won deal yet: the event is on its
 * way) calls `onPreparing` and tries again a few times after a short delay.
 */
export async function retryWhilePreparing<T>(run: () => Promise<T>, onPreparing: (attempt: number) => void, retries = PREPARING_RETRIES, delayMs = PREPARING_DELAY_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (e) {
      if (!(isApiError(e) && e.status === 404) || attempt >= retries) throw e
      onPreparing(attempt + 1)
      await sleep(delayMs)
    }
  }
}
