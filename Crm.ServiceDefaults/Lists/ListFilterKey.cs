using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// Tells filtered lists apart for <see cref="ListCountCache"/> without compiling them to SQL (EF Core's
/// ToQueryString compiles the whole query on every call, which cost more CPU than the cached count saved): the
/// expression tree's text, which names every member, method and inline constant, followed by every value the
/// tree reads from a closure or a constant, in order. Collections contribute their items; a captured query
/// contributes its own expression, never its rows.
/// </summary>
public static class ListFilterKey
{
    public static string Of(IQueryable query)
    {
        var values = new CapturedValues();
        values.Visit(query.Expression);
        return query.Expression + "\u001f" + values.Text;
    }

    private sealed class CapturedValues : ExpressionVisitor
    {
        private readonly StringBuilder _text = new();

        public string Text => _text.ToString();

        protected override Expression VisitConstant(ConstantExpression node)
        {
            Append(node.Value);
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (TryEvaluate(node, out var value))
            {
                Append(value);
                return node;
            }

            return base.VisitMember(node);
        }

        private static bool TryEvaluate(Expression? expression, out object? value)
        {
            switch (expression)
            {
                case ConstantExpression constant:
                    value = constant.Value;
                    return true;
                case MemberExpression { Expression: null } member:
                    value = Read(member.Member, null);
                    return true;
                case MemberExpression member when TryEvaluate(member.Expression, out var target):
                    value = Read(member.Member, target);
                    return true;
                default:
                    value = null;
                    return false;
            }
        }

        private static object? Read(MemberInfo member, object? target) => member switch
        {
            FieldInfo field => field.GetValue(target),
            PropertyInfo property => property.GetValue(target),
            _ => throw new NotSupportedException($"{member.MemberType} {member.Name} in a list filter."),
        };

        private void Append(object? value)
        {
            _text.Append('\u001e');
            switch (value)
            {
                case null:
                    _text.Append("null");
                    break;
                case string text:
                    _text.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
                    break;
                case IQueryable query:
                    _text.Append(query.Expression);
                    // An in-memory queryable is a constant of itself: its type says enough, its items are not read.
                    if (query.Expression is not ConstantExpression { Value: var root } || !ReferenceEquals(root, query))
                    {
                        Visit(query.Expression);
                    }

                    break;
                case IEnumerable items:
                    _text.Append('[');
                    foreach (var item in items)
                    {
                        Append(item);
                    }

                    _text.Append(']');
                    break;
                default:
                    _text.Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
