export type IconCategory = 'standard' | 'utility' | 'action' | 'doctype' | 'custom'

/** URL of an SLDS sprite symbol, served from /assets/icons (see build/slds-icons.ts). */
export function spriteHref(category: IconCategory, name: string): string {
  return `${import.meta.env.BASE_URL}assets/icons/${category}-sprite/svg/symbols.svg#${name}`
}
