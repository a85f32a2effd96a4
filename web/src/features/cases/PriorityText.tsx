/** Priority as the queue shows it: High stands out. */
export function PriorityText({ priority }: { priority: string }) {
  return priority === 'High' ? <span className="slds-text-color_error crm-priority_high">{priority}</span> : <>{priority}</>
}
