using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Duban.Data.Configuration;

internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
