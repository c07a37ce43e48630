using System;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// A value computed on first use and kept, in a field of an object that one analysis callback at a time works with
/// (a migration's class and bodies in its symbol-end action). Not synchronised: two threads that raced would compute
/// the same value.
/// </summary>
internal struct Memo<T>
{
    private T _value;
    private bool _known;

    public T Get(Func<T> compute)
    {
        if (!_known)
        {
            _value = compute();
            _known = true;
        }

        return _value;
    }
}
