#include "SegmentQueryParser.h"

#include <QRegularExpression>
#include <array>
#include <utility>

namespace {
using Node = SegmentQuery::Node;
using Op = SegmentQuery::Op;
using Field = SegmentQuery::Field;
using Relation = SegmentQuery::Relation;

const std::array<std::pair<const char *, Field>, 16> kFields = {{
    {"code", Field::Code},
    {"category", Field::Category},
    {"coder", Field::Coder},
    {"outlet", Field::Outlet},
    {"date", Field::Date},
    {"from", Field::From},
    {"to", Field::To},
    {"actor", Field::Actor},
    {"speaker", Field::Speaker},
    {"target", Field::Target},
    {"stance", Field::Stance},
    {"kind", Field::Kind},
    {"status", Field::Status},
    {"memo", Field::Memo},
    {"text", Field::Text},
    {"article", Field::Article},
}};

const std::array<std::pair<const char *, Relation>, 7> kRelations = {{
    {"OVERLAPS", Relation::Overlaps},
    {"WITHIN", Relation::Within},
    {"CONTAINS", Relation::Contains},
    {"FOLLOWED-BY", Relation::FollowedBy},
    {"SAME-SENTENCE", Relation::SameSentence},
    {"SAME-PARAGRAPH", Relation::SameParagraph},
    {"SAME-ARTICLE", Relation::SameArticle},
}};

struct Token
{
    enum Kind
    {
        Word,
        Quoted,
        Open,
        Close,
        End
    } kind
        = End;
    QString text;
    int position = 0;
    int end = 0;
};

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            tokens.append(
                {c == QLatin1Char('(') ? Token::Open : Token::Close, QString(c), i, i + 1});
            ++i;
        } else if (c == QLatin1Char('"')) {
            Token t {Token::Quoted, {}, i, 0};
            int j = i + 1;
            bool closed = false;
            while (j < n) {
                if (text.at(j) == QLatin1Char('"')) {
                    if (j + 1 < n && text.at(j + 1) == QLatin1Char('"')) {
                        t.text += QLatin1Char('"');
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                t.text += text.at(j++);
            }
            if (!closed)
                throw SegmentQueryError(i, QStringLiteral("the quote is never closed"));
            t.end = j;
            tokens.append(t);
            i = j;
        } else {
            int j = i;
            while (j < n && !text.at(j).isSpace() && text.at(j) != QLatin1Char('(')
                   && text.at(j) != QLatin1Char(')') && text.at(j) != QLatin1Char('"'))
                ++j;
            tokens.append({Token::Word, text.mid(i, j - i), i, j});
            i = j;
        }
    }
    tokens.append({Token::End, {}, n, n});
    return tokens;
}

bool isRelation(const Token &t, Relation *relation = nullptr)
{
    if (t.kind != Token::Word)
        return false;
    for (const auto &[name, r] : kRelations) {
        if (t.text == QLatin1String(name)) {
            if (relation)
                *relation = r;
            return true;
        }
    }
    return false;
}

bool isKeyword(const Token &t)
{
    return t.kind == Token::Word
        && (t.text == QLatin1String("AND") || t.text == QLatin1String("OR")
            || t.text == QLatin1String("NOT") || isRelation(t));
}

class Parser
{
public:
    // expanding: the saved queries being expanded around this text, outermost
    // first; one of them named again inside is a cycle.
    Parser(const QString &text, const SegmentQueryParser::SavedQueryLookup &saved,
           const QStringList &expanding)
        : m_tokens(tokenize(text))
        , m_saved(saved)
        , m_expanding(expanding)
    {
    }

    Node parseAll()
    {
        if (peek().kind == Token::End)
            throw SegmentQueryError(0, QStringLiteral("the query is empty"));
        Node node = parseOr();
        if (peek().kind == Token::Close)
            throw SegmentQueryError(peek().position, QStringLiteral("“)” without a matching “(”"));
        if (peek().kind != Token::End)
            throw SegmentQueryError(peek().position,
                                    QStringLiteral("expected AND, OR or a relation "
                                                   "before “%1”")
                                        .arg(peek().text));
        return node;
    }

private:
    const Token &peek() const { return m_tokens.at(m_at); }
    Token take() { return m_tokens.at(m_at++); }
    bool takeWord(const char *word)
    {
        if (peek().kind == Token::Word && peek().text == QLatin1String(word)) {
            ++m_at;
            return true;
        }
        return false;
    }

    Node binary(Op op, int position, Node left, Node right)
    {
        Node node;
        node.op = op;
        node.position = position;
        node.children.push_back(std::move(left));
        node.children.push_back(std::move(right));
        return node;
    }

    Node parseOr()
    {
        Node left = parseAnd();
        while (peek().kind == Token::Word && peek().text == QLatin1String("OR")) {
            const int position = take().position;
            left = binary(Op::Or, position, std::move(left), parseAnd());
        }
        return left;
    }

    Node parseAnd()
    {
        Node left = parseNot();
        while (peek().kind == Token::Word && peek().text == QLatin1String("AND")) {
            const int position = take().position;
            left = binary(Op::And, position, std::move(left), parseNot());
        }
        return left;
    }

    Node parseNot()
    {
        if (peek().kind == Token::Word && peek().text == QLatin1String("NOT")) {
            Node node;
            node.op = Op::Not;
            node.position = take().position;
            node.children.push_back(parseNot());
            return node;
        }
        return parseRelation();
    }

    Node parseRelation()
    {
        Node left = parsePrimary();
        Relation relation;
        while (isRelation(peek(), &relation)) {
            const Token keyword = take();
            qint64 distance = -1;
            if (relation == Relation::FollowedBy && peek().kind == Token::Word
                && !isKeyword(peek())) {
                static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
                if (digits.match(peek().text).hasMatch()) {
                    bool ok = false;
                    distance = take().text.toLongLong(&ok);
                    if (!ok)
                        throw SegmentQueryError(keyword.end + 1,
                                                QStringLiteral("the distance is too large"));
                }
            }
            Node node = binary(Op::Relation, keyword.position, std::move(left), parsePrimary());
            node.relation = relation;
            node.distance = distance;
            left = std::move(node);
        }
        return left;
    }

    Node parsePrimary()
    {
        const Token &t = peek();
        if (t.kind == Token::Open) {
            const int open = take().position;
            if (peek().kind == Token::Close)
                throw SegmentQueryError(peek().position, QStringLiteral("empty parentheses"));
            Node inner = parseOr();
            if (peek().kind != Token::Close)
                throw SegmentQueryError(open, QStringLiteral("“(” is never closed"));
            take();
            return inner;
        }
        if (t.kind == Token::End)
            throw SegmentQueryError(t.position,
                                    QStringLiteral("the query ends where a code, a "
                                                   "filter or “(” was expected"));
        if (t.kind == Token::Close || isKeyword(t))
            throw SegmentQueryError(t.position,
                                    QStringLiteral("expected a code, a filter or “(” "
                                                   "before “%1”")
                                        .arg(t.text));
        return parseAtom();
    }

    // Words and quoted strings up to the next keyword or parenthesis.
    Node parseAtom()
    {
        QList<Token> parts;
        while (peek().kind == Token::Word || peek().kind == Token::Quoted) {
            if (isKeyword(peek()))
                break;
            parts.append(take());
        }
        Node node;
        node.position = parts.first().position;
        QString prefix;
        QStringList rest;
        int restStart = 0;
        const Token &first = parts.first();
        const qsizetype colon
            = first.kind == Token::Word ? first.text.indexOf(QLatin1Char(':')) : -1;
        if (colon > 0) {
            prefix = first.text.left(colon);
            const QString after = first.text.mid(colon + 1);
            if (!after.isEmpty())
                rest << after;
            restStart = 1;
        }
        for (qsizetype i = restStart; i < parts.size(); ++i) {
            // Adjacent pieces (Actor:"Kim Jong Un", "a"b) join without a space.
            if (!rest.isEmpty() && parts[i].position == parts[i - 1].end)
                rest.last() += parts[i].text;
            else
                rest << parts[i].text;
        }
        const QString value = rest.join(QLatin1Char(' '));
        if (colon > 0) {
            if (value.isEmpty())
                throw SegmentQueryError(first.end,
                                        QStringLiteral("“%1:” needs a value").arg(prefix));
            if (prefix == QLatin1String("set"))
                return expand(node.position, value);
            for (const auto &[name, field] : kFields) {
                if (prefix == QLatin1String(name)) {
                    node.op = field == Field::Code ? Op::Code : Op::Filter;
                    node.field = field;
                    if (field == Field::Code)
                        node.name = value;
                    else
                        node.value = value;
                    return node;
                }
            }
            node.op = Op::Code;
            node.category = prefix;
            node.name = value;
            return node;
        }
        node.op = Op::Code;
        node.name = value;
        return node;
    }

    // set:NAME: the saved text parsed in its place. Its own errors keep
    // their positions in the saved text, after where set:NAME stands here.
    Node expand(int position, const QString &name)
    {
        if (m_expanding.contains(name)) {
            const QStringList circle
                = m_expanding.mid(m_expanding.indexOf(name)) + QStringList {name};
            throw SegmentQueryError(position,
                                    QStringLiteral("the saved query “%1” leads back to itself (%2)")
                                        .arg(name, circle.join(QStringLiteral(" → "))));
        }
        const std::optional<QString> text = m_saved ? m_saved(name) : std::nullopt;
        if (!text)
            throw SegmentQueryError(position, QStringLiteral("no saved query “%1”").arg(name));
        Node node;
        node.op = Op::Saved;
        node.position = position;
        node.name = name;
        try {
            node.children.push_back(
                Parser(*text, m_saved, m_expanding + QStringList {name}).parseAll());
        } catch (const SegmentQueryError &e) {
            throw SegmentQueryError(
                position, QStringLiteral("in saved query “%1”: %2").arg(name, e.message()));
        }
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_at = 0;
    SegmentQueryParser::SavedQueryLookup m_saved;
    QStringList m_expanding;
};

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}
} // namespace

SegmentQuery SegmentQueryParser::parse(const QString &text, const SavedQueryLookup &saved,
                                       const QString &savingAs)
{
    SegmentQuery query;
    query.text = text;
    query.root = Parser(text, saved, savingAs.isEmpty() ? QStringList() : QStringList {savingAs})
                     .parseAll();
    return query;
}

QStringList SegmentQueryParser::fieldNames()
{
    QStringList names;
    for (const auto &[name, field] : kFields)
        names << QLatin1String(name);
    return names;
}

QString SegmentQueryParser::fieldName(Field field)
{
    for (const auto &[name, f] : kFields) {
        if (f == field)
            return QLatin1String(name);
    }
    return {};
}

QString SegmentQueryParser::relationName(Relation relation)
{
    for (const auto &[name, r] : kRelations) {
        if (r == relation)
            return QLatin1String(name);
    }
    return {};
}

QString SegmentQueryParser::format(const Node &node)
{
    switch (node.op) {
    case Op::Code:
        return node.category.isEmpty() ? quoted(node.name)
                                       : node.category + QLatin1Char(':') + quoted(node.name);
    case Op::Filter:
        return fieldName(node.field) + QLatin1Char(':') + quoted(node.value);
    case Op::Saved:
        return QStringLiteral("set:") + quoted(node.name);
    case Op::Not:
        return QStringLiteral("NOT ") + format(node.children.at(0));
    case Op::And:
    case Op::Or:
    case Op::Relation: {
        QString keyword = node.op == Op::And ? QStringLiteral("AND")
            : node.op == Op::Or              ? QStringLiteral("OR")
                                             : relationName(node.relation);
        if (node.op == Op::Relation && node.distance >= 0)
            keyword += QLatin1Char(' ') + QString::number(node.distance);
        return QLatin1Char('(') + format(node.children.at(0)) + QLatin1Char(' ') + keyword
            + QLatin1Char(' ') + format(node.children.at(1)) + QLatin1Char(')');
    }
    }
    return {};
}
