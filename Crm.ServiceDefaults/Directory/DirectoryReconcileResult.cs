namespace Crm.ServiceDefaults.Directory;

/// <summary>What one directory's reconcile did: records the owner listed, rows added, rows brought up to date.</summary>
public sealed record DirectoryReconcileResult(string Directory, string Source, int Checked, int Added, int Updated, string? Error);

/// <summary>The answer of <c>POST /internal/v1/directory/reconcile</c>.</summary>
public sealed record DirectoryReconcileResponse(IReadOnlyList<DirectoryReconcileResult> Directories);
