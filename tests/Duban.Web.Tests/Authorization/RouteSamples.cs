using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Duban.Web.Tests.Authorization;

/// <summary>The callers of the authorization matrix: nobody, one demo user per role, an administrator of one city and one of a county in it.</summary>
public enum Caller
{
    Anonymous,
    Reporter,
    Inspector,
    Admin,
    /// <summary>An administrator whose scope is 清河市 and below: an administrator's rights, an inspector's reach.</summary>
    RegionAdmin,
    /// <summary>An administrator whose scope is 东湖县 (in 清河市) and below: the city's records lie outside it.</summary>
    CountyAdmin,
}

/// <summary>Whether the route parameters name a record the caller may see, or one outside the caller's data scope.</summary>
public enum Scope
{
    In,
    Out,
}

/// <summary>
/// A value for one route parameter: the record in the caller's scope, and one outside it (null when the caller has
/// nothing outside the scope, as with scope 全部, or when the parameter names no scoped record).
/// </summary>
public sealed record ParameterSample(Func<Caller, string> InScope, Func<Caller, string?> OutOfScope)
{
    public static ParameterSample Unscoped(string value) => new(_ => value, _ => null);
}

/// <summary>
/// Sample values for route parameters, keyed by the literal segment before the parameter and the parameter's name,
/// lower case: <c>plans/{id}</c>, <c>import/{token}</c>. A new parameter needs a line here, or the matrix fails.
/// </summary>
public static partial class RouteSamples
{
    [GeneratedRegex(@"\{(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex ParameterPlaceholder();

    /// <summary>The key of a route parameter in the sample table: the literal segment before it and its name.</summary>
    public static string KeyOf(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts.Contains(parameter)) break;
            if (segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal) previous = literal.Content;
        }
        return $"{previous}/{{{parameter.Name}}}".ToLowerInvariant();
    }

    /// <summary>The parameters of the route that have no sample value.</summary>
    public static IReadOnlyList<string> Missing(RoutePattern pattern, IReadOnlyDictionary<string, ParameterSample> samples) =>
        pattern.Parameters.Select(p => KeyOf(pattern, p)).Where(key => !samples.ContainsKey(key)).ToList();

    /// <summary>
    /// The path with every parameter filled in for the caller and the scope, or null when the route has no record
    /// outside the caller's scope (a route without scoped parameters has no out-of-scope case).
    /// </summary>
    public static string? Fill(RoutePattern pattern, IReadOnlyDictionary<string, ParameterSample> samples, Caller caller, Scope scope)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var anyOut = false;
        foreach (var parameter in pattern.Parameters)
        {
            var sample = samples[KeyOf(pattern, parameter)];
            var outside = scope == Scope.Out ? sample.OutOfScope(caller) : null;
            if (outside is not null) anyOut = true;
            values[parameter.Name] = outside ?? sample.InScope(caller);
        }
        if (scope == Scope.Out && !anyOut) return null;
        var raw = pattern.RawText ?? "/";
        var path = ParameterPlaceholder().Replace(raw, m => Uri.EscapeDataString(values[m.Groups["name"].Value]));
        return path.StartsWith('/') ? path : "/" + path;
    }
}
