using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Security;

/// <summary>
/// What an endpoint of the route table reads from a request, found by reflection so that a new parameter is fuzzed
/// without anyone listing it: the query values (a page's [SupplyParameterFromQuery] properties, a minimal API's simple
/// parameters, [AsParameters] records included) and the properties of a JSON body.
/// </summary>
public sealed record EndpointInputs(IReadOnlyList<string> Query, IReadOnlyList<string> BodyProperties, bool IsPage)
{
    public static EndpointInputs Of(RouteEndpoint endpoint, IServiceProviderIsService services)
    {
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
            return new(PageQuery(page.Type), [], IsPage: true);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) return new([], [], IsPage: false);
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = new List<string>();
        var body = new List<string>();
        foreach (var parameter in method.GetParameters()) Classify(parameter.ParameterType, parameter.Name!, parameter, routeNames, services, query, body);
        return new(query.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), body, IsPage: false);
    }

    /// <summary>The names a page reads from its address: [SupplyParameterFromQuery] properties, by their declared name or their own.</summary>
    public static IReadOnlyList<string> PageQuery(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? p.Property.Name)
            .ToList();

    private static void Classify(Type type, string name, ICustomAttributeProvider attributes, HashSet<string> routeNames, IServiceProviderIsService services,
        List<string> query, List<string> body)
    {
        bool Has<T>() => attributes.IsDefined(typeof(T), inherit: true);
        if (Has<FromServicesAttribute>() || Has<FromHeaderAttribute>() || Has<FromFormAttribute>() || Has<FromKeyedServicesAttribute>() || IsFramework(type)) return;
        if (Has<AsParametersAttribute>())
        {
            // A record's constructor parameters are its query values (PageQuery: page, pageSize).
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            foreach (var inner in constructor.GetParameters())
                Classify(inner.ParameterType, JsonNamingPolicy.CamelCase.ConvertName(inner.Name!), inner, routeNames, services, query, body);
            return;
        }
        if (routeNames.Contains(name) || Has<FromRouteAttribute>()) return;
        if (attributes.GetCustomAttributes(typeof(FromQueryAttribute), true).OfType<FromQueryAttribute>().FirstOrDefault() is { } fromQuery)
        {
            query.Add(fromQuery.Name ?? name);
            return;
        }
        if (IsSimple(type))
        {
            query.Add(name);
            return;
        }
        if (services.IsService(type)) return;
        // Anything else is the JSON body: its properties, by their JSON names.
        body.AddRange(type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)));
    }

    private static bool IsFramework(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
        || type == typeof(ClaimsPrincipal) || type == typeof(IFormFile) || type == typeof(IFormFileCollection) || type == typeof(IFormCollection)
        || type == typeof(Stream) || type == typeof(PipeReader);

    /// <summary>What minimal APIs bind from the route or the query: strings, numbers, dates, enums and anything with TryParse.</summary>
    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(TimeOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan)) return true;
        if (t.IsArray) return IsSimple(t.GetElementType()!);
        return t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), t.MakeByRefType()]) is not null;
    }
}
