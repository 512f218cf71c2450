using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Duban.Web.Api;

/// <summary>200 with the record's version as ETag, so the client can send it back in If-Match.</summary>
public sealed class OkWithETag<T>(T value, Guid version) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
{
    public T Value => value;
    object? IValueHttpResult.Value => value;
    public int StatusCode => StatusCodes.Status200OK;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ETags.Of(version);
        return TypedResults.Ok(value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>201 with Location and the new record's version as ETag.</summary>
public sealed class CreatedWithETag<T>(T value, Guid version, string location) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
{
    public T Value => value;
    object? IValueHttpResult.Value => value;
    public int StatusCode => StatusCodes.Status201Created;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ETags.Of(version);
        return TypedResults.Created(location, value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(T), ["application/json"]));
}
