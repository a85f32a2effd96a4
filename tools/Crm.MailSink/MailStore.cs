using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.MailSink;

/// <summary>
/// The messages received, newest first. Each is also written to <see cref="SinkOptions.Directory"/> as an .eml file
/// named after its arrival, so a restarted sink (a test stops it to hold mail back) still shows what it had.
/// </summary>
public sealed class MailStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredMail> _messages = [];
    private readonly SinkOptions _options;
    private readonly ILogger<MailStore> _logger;

    public MailStore(IOptions<SinkOptions> options, ILogger<MailStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        Load();
    }

    public IReadOnlyList<StoredMail> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public StoredMail? Find(string id)
    {
        lock (_gate)
        {
            return _messages.FirstOrDefault(m => m.Id == id);
        }
    }

    public async Task<StoredMail> AddAsync(Stream raw, CancellationToken cancellationToken)
    {
        var message = await MimeMessage.LoadAsync(raw, cancellationToken);
        var now = DateTime.UtcNow;
        var id = $"{now:yyyyMMddHHmmssfffffff}-{Guid.NewGuid().ToString("N")[..8]}";
        if (_options.Directory is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await message.WriteToAsync(Path.Combine(dir, id + ".eml"), cancellationToken);
        }

        var stored = StoredMail.Of(id, now, message);
        lock (_gate)
        {
            _messages.Insert(0, stored);
            while (_messages.Count > Math.Max(1, _options.MaxMessages))
            {
                Forget(_messages[^1]);
                _messages.RemoveAt(_messages.Count - 1);
            }
        }

        _logger.LogInformation("Mail {Id} from {From} to {To}: {Subject}", stored.Id, stored.From, string.Join(", ", stored.To), stored.Subject);
        return stored;
    }

    private void Load()
    {
        if (_options.Directory is not { Length: > 0 } dir || !Directory.Exists(dir))
        {
            return;
        }

        // File names start with the arrival time, so ordinal order is arrival order.
        foreach (var file in Directory.GetFiles(dir, "*.eml").Order(StringComparer.Ordinal).TakeLast(_options.MaxMessages).Reverse())
        {
            try
            {
                var id = Path.GetFileNameWithoutExtension(file);
                _messages.Add(StoredMail.Of(id, File.GetLastWriteTimeUtc(file), MimeMessage.Load(file)));
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                _logger.LogWarning(ex, "Skipped {File}", file);
            }
        }
    }

    private void Forget(StoredMail mail)
    {
        if (_options.Directory is { Length: > 0 } dir)
        {
            File.Delete(Path.Combine(dir, mail.Id + ".eml"));
        }
    }
}
