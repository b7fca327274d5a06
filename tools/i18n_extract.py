"""Find UI strings that lupdate cannot see but the code translates at run time.

``pyside6-lupdate`` only extracts ``translate("Context", "literal")``, ``self.tr("literal")`` and
``QT_TRANSLATE_NOOP``. Our code also translates through constants, aliases, helpers and lookup
tables; :func:`extra_strings` finds those (context, text) pairs by reading the Python AST, and
``tools/i18n.py`` feeds them to lupdate as literal calls.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["extra_strings"]

Tables = dict[str, list[str]]


def _const_strings(tree: ast.Module) -> tuple[dict[str, str], Tables]:
    """Module-level ``NAME = "text"``, ``NAME = ("a", ...)`` and ``NAME = {k: "a", ...}``.

    Returns:
        (strings, tables): a table holds a tuple's items or a dict's values.
    """
    strings: dict[str, str] = {}
    tuples: dict[str, list[str]] = {}
    for node in tree.body:
        target: ast.expr | None = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign):
            target = node.target
        value = getattr(node, "value", None)
        if not isinstance(target, ast.Name) or value is None:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            strings[target.id] = value.value
        elif isinstance(value, ast.Tuple | ast.List) and value.elts:
            items = [e.value for e in value.elts if isinstance(e, ast.Constant)]
            if len(items) == len(value.elts) and all(isinstance(i, str) for i in items):
                tuples[target.id] = [str(i) for i in items]
        elif isinstance(value, ast.Dict) and value.values:
            texts = [v.value for v in value.values if isinstance(v, ast.Constant)]
            if len(texts) == len(value.values) and all(isinstance(t, str) for t in texts):
                tuples[target.id] = [str(t) for t in texts]
    return strings, tuples


def _is_translate(call: ast.Call, aliases: frozenset[str] = frozenset()) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    known = name in ("translate", "QT_TRANSLATE_NOOP") or name in aliases
    return known and len(call.args) >= 2


def _aliases(tree: ast.Module) -> frozenset[str]:
    """Names bound to ``QCoreApplication.translate`` anywhere (``tr = ....translate``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            is_translate = (isinstance(value, ast.Attribute) and value.attr == "translate") or (
                isinstance(value, ast.Name) and value.id == "translate"
            )
            if isinstance(target, ast.Name) and is_translate and target.id != "translate":
                names.add(target.id)
    return frozenset(names)


def _helpers(tree: ast.Module, strings: dict[str, str]) -> dict[str, str]:
    """One-argument functions ``def _tr(text): return ...translate(CONTEXT, text)``."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        param = node.args.args[0].arg
        for call in ast.walk(node):
            if not isinstance(call, ast.Call) or not _is_translate(call):
                continue
            ctx, text = call.args[0], call.args[1]
            context = _resolve(ctx, strings)
            if context is not None and isinstance(text, ast.Name) and text.id == param:
                found[node.name] = context
    return found


def _resolve(node: ast.expr, strings: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return strings.get(node.id)
    return None


def extra_strings(files: list[Path]) -> list[tuple[str, str]]:
    """(context, text) pairs that lupdate misses but the code translates at run time.

    lupdate only sees ``translate("Context", "literal")`` and ``self.tr("literal")``. This
    also finds ``translate(CONTEXT, "literal")`` with a module-level string constant, calls
    through an alias (``tr = QCoreApplication.translate; tr("Context", "literal")``), and calls
    of one-argument helpers (``_tr("literal")`` or ``_tr(HEADERS[i])`` with a module-level
    tuple of literals) whose body is ``translate(CONTEXT, text)``, and lookups in string tables
    (see :func:`_table_lookups`).
    """
    pairs: list[tuple[str, str]] = []
    shared = _module_tables(files)
    deferred: Tables = {}
    trees: list[ast.Module] = []
    for path in files:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        trees.append(tree)
        strings, tuples = _const_strings(tree)
        helpers = _helpers(tree, strings)
        aliases = _aliases(tree)
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            if _is_translate(call, aliases):
                aliased = getattr(call.func, "id", None) in aliases
                if aliased or isinstance(call.args[0], ast.Name):
                    context = _resolve(call.args[0], strings)
                    text = _resolve(call.args[1], {})
                    if context is not None and text is not None:
                        pairs.append((context, text))
                continue
            name = getattr(call.func, "id", None)
            if name not in helpers:
                continue
            arg = call.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                pairs.append((helpers[name], arg.value))
            elif isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
                pairs += [(helpers[name], item) for item in tuples.get(arg.value.id, [])]
        found, helpers_tr = _table_lookups(tree, strings, {**shared, **tuples})
        pairs += found
        for name, texts in helpers_tr.items():
            deferred.setdefault(name, []).extend(texts)
    for tree in trees:
        pairs += _caller_pairs(tree, deferred)
    return sorted(set(pairs))


def _module_tables(files: list[Path]) -> Tables:
    """Every module's string tables by name (for constants imported from another module)."""
    tables: Tables = {}
    for path in files:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for name, items in _const_strings(tree)[1].items():
            tables.setdefault(name, []).extend(items)
    return tables


def _table_lookups(
    tree: ast.Module, strings: dict[str, str], tables: Tables
) -> tuple[list[tuple[str, str]], Tables]:
    """Texts translated through a table: ``translate(CTX, str(TITLES[key]))``, ``self.tr(X)``.

    The translated expression (or the local variable it names, through its assignments in the
    same function) must mention a table or string constant; every text of it is extracted. The
    context is the literal/constant first argument of ``translate``, the enclosing class for
    ``self.tr`` and every class of the module for ``other.tr`` (the runtime class decides).

    Returns:
        (pairs, deferred): ``deferred`` maps a module-level function that calls
        ``param.tr(...)`` to its texts; their context is the class of each caller that passes
        ``self`` (see :func:`_caller_pairs`).
    """
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    pairs: list[tuple[str, str]] = []
    deferred: Tables = {}
    for owner, function in _functions(tree):
        for call in ast.walk(function):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            contexts, text = _call_context(call, owner, classes, strings)
            if not contexts or text is None:
                continue
            if isinstance(text, ast.Constant):
                found = [text.value] if isinstance(text.value, str) else []
            else:
                names = _names(text) | _local_sources(function, _names(text))
                found = [i for n in names for i in tables.get(n, [])]
                found += [strings[n] for n in names if n in strings]
            if owner is None and _is_foreign_tr(call):
                deferred.setdefault(function.name, []).extend(found)
            if not isinstance(text, ast.Constant):  # lupdate files literals itself
                pairs += [(context, item) for context in contexts for item in found]
    return pairs, deferred


def _is_foreign_tr(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "tr"
        and not (isinstance(func.value, ast.Name) and func.value.id == "self")
    )


def _caller_pairs(tree: ast.Module, deferred: Tables) -> list[tuple[str, str]]:
    """``helper(self, ...)`` inside a class → that class is a context of the helper's texts."""
    pairs: list[tuple[str, str]] = []
    for owner, function in _functions(tree):
        if owner is None:
            continue
        for call in ast.walk(function):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = call.args[0]
            if name in deferred and isinstance(first, ast.Name) and first.id == "self":
                pairs += [(owner, text) for text in deferred[name]]
    return pairs


def _functions(tree: ast.Module) -> list[tuple[str | None, ast.FunctionDef]]:
    out: list[tuple[str | None, ast.FunctionDef]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out.append((None, node))
        elif isinstance(node, ast.ClassDef):
            out += [(node.name, f) for f in node.body if isinstance(f, ast.FunctionDef)]
    return out


def _call_context(
    call: ast.Call, owner: str | None, classes: list[str], strings: dict[str, str]
) -> tuple[list[str], ast.expr | None]:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return [], None
    if func.attr == "translate" and len(call.args) >= 2:
        context = _resolve(call.args[0], strings)
        return ([context] if context else []), call.args[1]
    if func.attr == "tr" and len(call.args) == 1:
        is_self = isinstance(func.value, ast.Name) and func.value.id == "self"
        if is_self and owner:
            return [owner], call.args[0]
        return list(classes), call.args[0]
    return [], None


def _names(node: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _local_sources(function: ast.FunctionDef, names: set[str]) -> set[str]:
    """Names used in the values assigned to ``names`` inside ``function``."""
    found: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in names for t in node.targets
        ):
            found |= _names(node.value)
    return found
