using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Crm.Gateway.Spa;

/// <summary>
/// A PhysicalFileProvider that tolerates the folder not existing yet: the web app may be built after
/// the gateway started (<c>./crm run</c>, then <c>npm run build</c>), and should show up without a restart.
/// </summary>
public sealed class SpaFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly Lock _gate = new();
    private PhysicalFileProvider? _inner;

    public IFileInfo GetFileInfo(string subpath) => Inner()?.GetFileInfo(subpath) ?? new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        Inner()?.GetDirectoryContents(subpath) ?? NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _inner?.Dispose();

    private PhysicalFileProvider? Inner()
    {
        if (_inner is not null)
        {
            return _inner;
        }

        lock (_gate)
        {
            return _inner ??= Directory.Exists(root) ? new PhysicalFileProvider(root) : null;
        }
    }
}
