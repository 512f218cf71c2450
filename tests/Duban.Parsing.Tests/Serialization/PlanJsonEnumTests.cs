using System.Reflection;
using Duban.Parsing.Model;
using Duban.Parsing.Serialization;

namespace Duban.Parsing.Tests.Serialization;

/// <summary>
/// PlanJson lists one generic string-enum converter per enum of the model (the non-generic one is not Native AOT-safe);
/// an enum added to the model without a converter would be written as a number. Every enum reachable from
/// <see cref="PlanDocument"/>'s public properties must be in the list.
/// </summary>
public sealed class PlanJsonEnumTests
{
    [Fact]
    public void Every_enum_of_the_model_has_a_string_converter()
    {
        var listed = PlanJson.EnumConverters()
            .Select(c => c.GetType())
            .Where(t => t.IsGenericType)
            .Select(t => t.GetGenericArguments()[0])
            .ToHashSet();

        var reachable = EnumsReachableFrom(typeof(PlanDocument));

        reachable.ShouldNotBeEmpty();
        reachable.Where(e => !listed.Contains(e)).Select(e => e.Name).ShouldBeEmpty();
    }

    private static HashSet<Type> EnumsReachableFrom(Type root)
    {
        var enums = new HashSet<Type>();
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type)) continue;
            if (Nullable.GetUnderlyingType(type) is { } inner) { pending.Push(inner); continue; }
            if (type.IsEnum) { enums.Add(type); continue; }
            if (type.IsGenericType) foreach (var argument in type.GetGenericArguments()) pending.Push(argument);
            if (type.IsArray) pending.Push(type.GetElementType()!);
            if (type.Assembly != typeof(PlanDocument).Assembly) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) pending.Push(property.PropertyType);
        }
        return enums;
    }
}
