namespace Crm.Activities.Model;

/// <summary>A case's priority; the support queue works High first.</summary>
public enum CasePriority
{
    High,
    Medium,
    Low,
}
