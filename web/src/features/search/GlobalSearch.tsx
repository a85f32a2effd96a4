import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useNavigate } from 'react-router'
import { cx, Icon, useDebounced } from '../../shared/ui'
import { useRecentRecords, useSearch } from './api'
import { PartialResultsAlert } from './PartialResultsAlert'
import { recordIcon, SEARCH_MIN_LENGTH, searchPagePath, typePlural, type RecentType, type SearchItem } from './types'

/** How long typing must pause before the dropdown asks the server. */
const SEARCH_DEBOUNCE_MS = 250
const DROPDOWN_LIMIT = 5
const RECENT_LIMIT = 10

interface Option extends SearchItem {
  type: RecentType
  optionId: string
}

interface Section {
  label: string
  options: Option[]
}

/**
 * The global header's search box: an SLDS combobox. From two characters it lists the best matches grouped by
 * object (debounced); focused and empty it lists recent records. Arrow keys move the active option
 * (aria-activedescendant), Enter opens it or, with none active, the results page; Escape closes the list.
 */
export function GlobalSearch() {
  const navigate = useNavigate()
  const baseId = useId()
  const listboxId = `${baseId}-listbox`
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  // The active option belongs to the options it was chosen among: new results start with none active.
  const [cursor, setCursor] = useState<{ among: readonly Option[]; index: number }>({ among: [], index: -1 })
  const q = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS)
  const searching = text.trim().length >= SEARCH_MIN_LENGTH
  const results = useSearch(searching ? q : '', { limit: DROPDOWN_LIMIT })
  const recent = useRecentRecords(RECENT_LIMIT, open && text.trim() === '')

  const sections = useMemo<Section[]>(() => {
    const option = (type: RecentType, item: SearchItem, index: number): Option => ({
      ...item,
      type,
      optionId: `${baseId}-option-${index}`,
    })
    let index = 0
    if (searching) {
      return (results.data?.groups ?? [])
        .filter((g) => g.items.length > 0)
        .map((g) => ({ label: typePlural(g.type), options: g.items.map((item) => option(g.type, item, index++)) }))
    }
    const items = recent.data?.items ?? []
    return items.length > 0 ? [{ label: 'Recent records', options: items.map((item) => option(item.type, item, index++)) }] : []
  }, [baseId, searching, results.data, recent.data])
  const options = useMemo(() => sections.flatMap((s) => s.options), [sections])
  const unavailable = (searching ? results.data?.unavailable : recent.data?.unavailable) ?? []

  const active = cursor.among === options ? cursor.index : -1
  const setActive = (index: number) => setCursor({ among: options, index })

  const close = () => {
    setOpen(false)
    setActive(-1)
  }

  const go = (path: string) => {
    close()
    setText('')
    void navigate(path)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        setOpen(true)
        setActive(options.length === 0 ? -1 : active + 1 >= options.length ? 0 : active + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        setOpen(true)
        setActive(options.length === 0 ? -1 : active <= 0 ? options.length - 1 : active - 1)
        break
      case 'Enter': {
        event.preventDefault()
        const chosen = open ? options[active] : undefined
        if (chosen) go(chosen.url)
        else if (searching) go(searchPagePath(text))
        break
      }
      case 'Escape':
        if (open) {
          event.preventDefault()
          close()
        }
        break
    }
  }

  const activeOption = open ? options[active] : undefined
  const loading = searching && (results.isFetching || q !== text.trim())
  const showList = open && (searching || options.length > 0)

  return (
    <div className="slds-form-element crm-global-search-box">
      <div className="slds-form-element__control">
        <div className="slds-combobox_container">
          <div className={cx('slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click', showList && 'slds-is-open')}>
            <div
              className="slds-combobox__form-element slds-input-has-icon slds-input-has-icon_left slds-global-search__form-element"
              role="none"
            >
              <Icon icon="utility:search" size="xx-small" variant="default" containerClassName="slds-input__icon slds-input__icon_left" />
              <input
                type="text"
                role="combobox"
                className="slds-input slds-combobox__input crm-global-search"
                placeholder="Search..."
                aria-label="Search"
                aria-autocomplete="list"
                aria-expanded={showList}
                aria-controls={listboxId}
                aria-activedescendant={activeOption?.optionId}
                autoComplete="off"
                value={text}
                onChange={(e) => {
                  setText(e.target.value)
                  setOpen(true)
                }}
                onFocus={() => setOpen(true)}
                onBlur={close}
                onKeyDown={onKeyDown}
              />
            </div>
            <div id={listboxId} className="slds-dropdown slds-dropdown_length-with-icon-10 slds-dropdown_fluid" role="listbox" aria-label="Search results">
              {showList ? (
                <>
                  <PartialResultsAlert unavailable={unavailable} />
                  {sections.map((section) => (
                    <ul key={section.label} className="slds-listbox slds-listbox_vertical" role="group" aria-label={section.label}>
                      <li role="presentation" className="slds-listbox__item">
                        <div className="slds-media slds-listbox__option slds-listbox__option_plain" role="presentation">
                          <h3 className="slds-listbox__option-header" role="presentation">
                            {section.label}
                          </h3>
                        </div>
                      </li>
                      {section.options.map((option) => (
                        <li key={option.optionId} role="presentation" className="slds-listbox__item">
                          <div
                            id={option.optionId}
                            role="option"
                            aria-selected={option === activeOption}
                            className={cx(
                              'slds-media slds-listbox__option slds-listbox__option_entity slds-listbox__option_has-meta',
                              option === activeOption && 'slds-has-focus',
                            )}
                            // Keep the focus in the box: a click opens the record without blurring first.
                            onMouseDown={(e) => e.preventDefault()}
                            onClick={() => go(option.url)}
                          >
                            <span className="slds-media__figure slds-listbox__option-icon">
                              <Icon icon={recordIcon(option.type)} size="small" assistiveText={option.type} />
                            </span>
                            <span className="slds-media__body">
                              <span className="slds-listbox__option-text slds-listbox__option-text_entity">{option.title}</span>
                              {option.subtitle ? (
                                <span className="slds-listbox__option-meta slds-listbox__option-meta_entity">{option.subtitle}</span>
                              ) : null}
                            </span>
                          </div>
                        </li>
                      ))}
                    </ul>
                  ))}
                  {searching ? (
                    <ul className="slds-listbox slds-listbox_vertical" role="group" aria-label="More">
                      <li role="presentation" className="slds-listbox__item">
                        <div
                          className="slds-media slds-listbox__option slds-listbox__option_plain crm-search-more"
                          role="presentation"
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={() => go(searchPagePath(text))}
                        >
                          <span className="slds-media__body">
                            {loading ? 'Searching... ' : options.length === 0 ? `No results for "${text.trim()}". ` : ''}
                            Press Enter to see all results for &quot;{text.trim()}&quot;
                          </span>
                        </div>
                      </li>
                    </ul>
                  ) : null}
                </>
              ) : null}
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}
