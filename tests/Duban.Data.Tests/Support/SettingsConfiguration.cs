using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Duban.Data.Tests.Support;

/// <summary>
/// Configuration from "Section:Key" pairs, as a host builds it from appsettings.json or from Section__Key environment
/// variables. The configuration packages themselves belong to the web host, not to these tests.
/// </summary>
internal sealed class SettingsConfiguration(IReadOnlyDictionary<string, string?> settings, string path = "") : IConfigurationSection
{
    public static SettingsConfiguration Of(params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase));

    public string? this[string key]
    {
        get => settings.GetValueOrDefault(PathOf(key));
        set => throw new NotSupportedException();
    }

    public string Key => path[(path.LastIndexOf(':') + 1)..];

    public string Path => path;

    public string? Value
    {
        get => settings.GetValueOrDefault(path);
        set => throw new NotSupportedException();
    }

    public IConfigurationSection GetSection(string key) => new SettingsConfiguration(settings, PathOf(key));

    public IEnumerable<IConfigurationSection> GetChildren() => throw new NotSupportedException();

    public IChangeToken GetReloadToken() => throw new NotSupportedException();

    private string PathOf(string key) => path.Length == 0 ? key : path + ":" + key;
}
