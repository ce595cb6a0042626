#include "HtmlTextExtractor.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

struct Entity
{
    const char *name;
    char32_t codePoint;
};

// The HTML 4 named character references (what real articles use) plus
// &apos;, sorted by name (byte order) for binary search.
constexpr Entity kEntities[] = {
    {"AElig", 0xC6},     {"Aacute", 0xC1},   {"Acirc", 0xC2},     {"Agrave", 0xC0},
    {"Alpha", 0x391},    {"Aring", 0xC5},    {"Atilde", 0xC3},    {"Auml", 0xC4},
    {"Beta", 0x392},     {"Ccedil", 0xC7},   {"Chi", 0x3A7},      {"Dagger", 0x2021},
    {"Delta", 0x394},    {"ETH", 0xD0},      {"Eacute", 0xC9},    {"Ecirc", 0xCA},
    {"Egrave", 0xC8},    {"Epsilon", 0x395}, {"Eta", 0x397},      {"Euml", 0xCB},
    {"Gamma", 0x393},    {"Iacute", 0xCD},   {"Icirc", 0xCE},     {"Igrave", 0xCC},
    {"Iota", 0x399},     {"Iuml", 0xCF},     {"Kappa", 0x39A},    {"Lambda", 0x39B},
    {"Mu", 0x39C},       {"Ntilde", 0xD1},   {"Nu", 0x39D},       {"OElig", 0x152},
    {"Oacute", 0xD3},    {"Ocirc", 0xD4},    {"Ograve", 0xD2},    {"Omega", 0x3A9},
    {"Omicron", 0x39F},  {"Oslash", 0xD8},   {"Otilde", 0xD5},    {"Ouml", 0xD6},
    {"Phi", 0x3A6},      {"Pi", 0x3A0},      {"Prime", 0x2033},   {"Psi", 0x3A8},
    {"Rho", 0x3A1},      {"Scaron", 0x160},  {"Sigma", 0x3A3},    {"THORN", 0xDE},
    {"Tau", 0x3A4},      {"Theta", 0x398},   {"Uacute", 0xDA},    {"Ucirc", 0xDB},
    {"Ugrave", 0xD9},    {"Upsilon", 0x3A5}, {"Uuml", 0xDC},      {"Xi", 0x39E},
    {"Yacute", 0xDD},    {"Yuml", 0x178},    {"Zeta", 0x396},     {"aacute", 0xE1},
    {"acirc", 0xE2},     {"acute", 0xB4},    {"aelig", 0xE6},     {"agrave", 0xE0},
    {"alefsym", 0x2135}, {"alpha", 0x3B1},   {"amp", 0x26},       {"and", 0x2227},
    {"ang", 0x2220},     {"apos", 0x27},     {"aring", 0xE5},     {"asymp", 0x2248},
    {"atilde", 0xE3},    {"auml", 0xE4},     {"bdquo", 0x201E},   {"beta", 0x3B2},
    {"brvbar", 0xA6},    {"bull", 0x2022},   {"cap", 0x2229},     {"ccedil", 0xE7},
    {"cedil", 0xB8},     {"cent", 0xA2},     {"chi", 0x3C7},      {"circ", 0x2C6},
    {"clubs", 0x2663},   {"cong", 0x2245},   {"copy", 0xA9},      {"crarr", 0x21B5},
    {"cup", 0x222A},     {"curren", 0xA4},   {"dArr", 0x21D3},    {"dagger", 0x2020},
    {"darr", 0x2193},    {"deg", 0xB0},      {"delta", 0x3B4},    {"diams", 0x2666},
    {"divide", 0xF7},    {"eacute", 0xE9},   {"ecirc", 0xEA},     {"egrave", 0xE8},
    {"empty", 0x2205},   {"emsp", 0x2003},   {"ensp", 0x2002},    {"epsilon", 0x3B5},
    {"equiv", 0x2261},   {"eta", 0x3B7},     {"eth", 0xF0},       {"euml", 0xEB},
    {"euro", 0x20AC},    {"exist", 0x2203},  {"fnof", 0x192},     {"forall", 0x2200},
    {"frac12", 0xBD},    {"frac14", 0xBC},   {"frac34", 0xBE},    {"frasl", 0x2044},
    {"gamma", 0x3B3},    {"ge", 0x2265},     {"gt", 0x3E},        {"hArr", 0x21D4},
    {"harr", 0x2194},    {"hearts", 0x2665}, {"hellip", 0x2026},  {"iacute", 0xED},
    {"icirc", 0xEE},     {"iexcl", 0xA1},    {"igrave", 0xEC},    {"image", 0x2111},
    {"infin", 0x221E},   {"int", 0x222B},    {"iota", 0x3B9},     {"iquest", 0xBF},
    {"isin", 0x2208},    {"iuml", 0xEF},     {"kappa", 0x3BA},    {"lArr", 0x21D0},
    {"lambda", 0x3BB},   {"lang", 0x2329},   {"laquo", 0xAB},     {"larr", 0x2190},
    {"lceil", 0x2308},   {"ldquo", 0x201C},  {"le", 0x2264},      {"lfloor", 0x230A},
    {"lowast", 0x2217},  {"loz", 0x25CA},    {"lrm", 0x200E},     {"lsaquo", 0x2039},
    {"lsquo", 0x2018},   {"lt", 0x3C},       {"macr", 0xAF},      {"mdash", 0x2014},
    {"micro", 0xB5},     {"middot", 0xB7},   {"minus", 0x2212},   {"mu", 0x3BC},
    {"nabla", 0x2207},   {"nbsp", 0xA0},     {"ndash", 0x2013},   {"ne", 0x2260},
    {"ni", 0x220B},      {"not", 0xAC},      {"notin", 0x2209},   {"nsub", 0x2284},
    {"ntilde", 0xF1},    {"nu", 0x3BD},      {"oacute", 0xF3},    {"ocirc", 0xF4},
    {"oelig", 0x153},    {"ograve", 0xF2},   {"oline", 0x203E},   {"omega", 0x3C9},
    {"omicron", 0x3BF},  {"oplus", 0x2295},  {"or", 0x2228},      {"ordf", 0xAA},
    {"ordm", 0xBA},      {"oslash", 0xF8},   {"otilde", 0xF5},    {"otimes", 0x2297},
    {"ouml", 0xF6},      {"para", 0xB6},     {"part", 0x2202},    {"permil", 0x2030},
    {"perp", 0x22A5},    {"phi", 0x3C6},     {"pi", 0x3C0},       {"piv", 0x3D6},
    {"plusmn", 0xB1},    {"pound", 0xA3},    {"prime", 0x2032},   {"prod", 0x220F},
    {"prop", 0x221D},    {"psi", 0x3C8},     {"quot", 0x22},      {"rArr", 0x21D2},
    {"radic", 0x221A},   {"rang", 0x232A},   {"raquo", 0xBB},     {"rarr", 0x2192},
    {"rceil", 0x2309},   {"rdquo", 0x201D},  {"real", 0x211C},    {"reg", 0xAE},
    {"rfloor", 0x230B},  {"rho", 0x3C1},     {"rlm", 0x200F},     {"rsaquo", 0x203A},
    {"rsquo", 0x2019},   {"sbquo", 0x201A},  {"scaron", 0x161},   {"sdot", 0x22C5},
    {"sect", 0xA7},      {"shy", 0xAD},      {"sigma", 0x3C3},    {"sigmaf", 0x3C2},
    {"sim", 0x223C},     {"spades", 0x2660}, {"sub", 0x2282},     {"sube", 0x2286},
    {"sum", 0x2211},     {"sup", 0x2283},    {"sup1", 0xB9},      {"sup2", 0xB2},
    {"sup3", 0xB3},      {"supe", 0x2287},   {"szlig", 0xDF},     {"tau", 0x3C4},
    {"there4", 0x2234},  {"theta", 0x3B8},   {"thetasym", 0x3D1}, {"thinsp", 0x2009},
    {"thorn", 0xFE},     {"tilde", 0x2DC},   {"times", 0xD7},     {"trade", 0x2122},
    {"uArr", 0x21D1},    {"uacute", 0xFA},   {"uarr", 0x2191},    {"ucirc", 0xFB},
    {"ugrave", 0xF9},    {"uml", 0xA8},      {"upsih", 0x3D2},    {"upsilon", 0x3C5},
    {"uuml", 0xFC},      {"weierp", 0x2118}, {"xi", 0x3BE},       {"yacute", 0xFD},
    {"yen", 0xA5},       {"yuml", 0xFF},     {"zeta", 0x3B6},     {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

// HTML maps numeric references 0x80-0x9F to windows-1252 (&#150; is an en
// dash, not a C1 control): old CMS output relies on it.
constexpr char16_t kCp1252High[32]
    = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
       0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
       0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr qsizetype kSniffChars = 4096;

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return isAsciiDigit(c) || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

// HTML's ASCII whitespace.
bool isHtmlSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f';
}

const Entity *findEntity(QStringView name)
{
    const auto begin = std::begin(kEntities);
    const auto end = std::end(kEntities);
    const auto it = std::lower_bound(begin, end, name, [](const Entity &e, QStringView n) {
        return QLatin1StringView(e.name).compare(n, Qt::CaseSensitive) < 0;
    });
    if (it != end && QLatin1StringView(it->name) == name)
        return it;
    return nullptr;
}

struct CharRef
{
    char32_t codePoint = 0;
    qsizetype length = 0; // 0: not a character reference, '&' is literal
};

// Parses a character reference at s[pos] == '&'.
CharRef parseCharRef(QStringView s, qsizetype pos, bool inAttribute)
{
    const qsizetype n = s.size();
    qsizetype i = pos + 1;
    if (i < n && s[i] == u'#') {
        ++i;
        const bool hex = i < n && (s[i] == u'x' || s[i] == u'X');
        if (hex)
            ++i;
        const qsizetype digitsStart = i;
        char32_t value = 0;
        bool tooBig = false;
        while (i < n && (hex ? isHexDigit(s[i]) : isAsciiDigit(s[i]))) {
            if (!tooBig) {
                const char16_t u = s[i].unicode();
                const int digit = u <= '9' ? u - '0' : (u | 0x20) - 'a' + 10;
                value = value * (hex ? 16 : 10) + char32_t(digit);
                tooBig = value > 0x10FFFF;
            }
            ++i;
        }
        if (i == digitsStart)
            return {};
        if (i < n && s[i] == u';')
            ++i;
        char32_t cp = value;
        if (tooBig || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        else if (cp >= 0x80 && cp <= 0x9F)
            cp = kCp1252High[cp - 0x80];
        return {cp, i - pos};
    }

    const qsizetype nameStart = i;
    while (i < n && i - nameStart < 32 && (isAsciiLetter(s[i]) || isAsciiDigit(s[i])))
        ++i;
    if (i == nameStart)
        return {};
    const Entity *entity = findEntity(s.sliced(nameStart, i - nameStart));
    if (!entity)
        return {};
    if (i < n && s[i] == u';')
        return {entity->codePoint, i + 1 - pos};
    // Without ';' only the legacy Latin-1 names count (as in browsers), and
    // not in attribute values before '=' (URLs like "?a=1&copy=2").
    if (entity->codePoint > 0xFF || (inAttribute && i < n && s[i] == u'='))
        return {};
    return {entity->codePoint, i - pos};
}

void appendCodePoint(QString &out, char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        out.append(QChar(QChar::highSurrogate(cp)));
        out.append(QChar(QChar::lowSurrogate(cp)));
    } else {
        out.append(QChar(char16_t(cp)));
    }
}

QString decodeEntities(QStringView s, bool inAttribute)
{
    if (!s.contains(u'&'))
        return s.toString();
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        if (s[i] == u'&') {
            const CharRef ref = parseCharRef(s, i, inAttribute);
            if (ref.length > 0) {
                appendCodePoint(out, ref.codePoint);
                i += ref.length;
                continue;
            }
        }
        out.append(s[i]);
        ++i;
    }
    return out;
}

struct Tag
{
    QString name; // lower case
    bool isEnd = false;
    bool selfClosing = false;
    bool closed = false; // false if the input ended inside the tag
    QList<std::pair<QString, QString>> attributes; // names lower case, values decoded

    bool has(QLatin1StringView attr) const
    {
        return std::any_of(attributes.cbegin(), attributes.cend(),
                           [attr](const auto &a) { return a.first == attr; });
    }
    QString value(QLatin1StringView attr) const
    {
        for (const auto &a : attributes) {
            if (a.first == attr)
                return a.second;
        }
        return {};
    }
};

// Parses a start or end tag at s[pos] == '<' (followed by a letter or '/'
// and a letter), following the HTML tokenizer: quoted attribute values may
// contain '>', and an unterminated quote runs to the end of the input.
// Returns the index just after the tag.
qsizetype parseTag(QStringView s, qsizetype pos, Tag &tag)
{
    const qsizetype n = s.size();
    qsizetype i = pos + 1;
    if (i < n && s[i] == u'/') {
        tag.isEnd = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < n && !isHtmlSpace(s[i]) && s[i] != u'/' && s[i] != u'>')
        ++i;
    tag.name = s.sliced(nameStart, i - nameStart).toString().toLower();

    while (i < n) {
        const QChar c = s[i];
        if (isHtmlSpace(c)) {
            ++i;
            continue;
        }
        if (c == u'>') {
            tag.closed = true;
            return i + 1;
        }
        if (c == u'/') {
            ++i;
            if (i < n && s[i] == u'>') {
                tag.selfClosing = true;
                tag.closed = true;
                return i + 1;
            }
            continue;
        }
        // The first character may be '=' (a tokenizer quirk); always advance.
        const qsizetype attrStart = i++;
        while (i < n && !isHtmlSpace(s[i]) && s[i] != u'/' && s[i] != u'>' && s[i] != u'=')
            ++i;
        QString name = s.sliced(attrStart, i - attrStart).toString().toLower();
        QString value;
        qsizetype j = i;
        while (j < n && isHtmlSpace(s[j]))
            ++j;
        if (j < n && s[j] == u'=') {
            i = j + 1;
            while (i < n && isHtmlSpace(s[i]))
                ++i;
            qsizetype valueStart = i;
            if (i < n && (s[i] == u'"' || s[i] == u'\'')) {
                const QChar quote = s[i];
                valueStart = ++i;
                while (i < n && s[i] != quote)
                    ++i;
                value = decodeEntities(s.sliced(valueStart, i - valueStart), true);
                if (i < n)
                    ++i;
            } else {
                while (i < n && !isHtmlSpace(s[i]) && s[i] != u'>')
                    ++i;
                value = decodeEntities(s.sliced(valueStart, i - valueStart), true);
            }
        }
        tag.attributes.append({std::move(name), std::move(value)});
    }
    return n;
}

// Index after a comment starting at s[pos] ("<!--"), or the input's end.
qsizetype skipComment(QStringView s, qsizetype pos)
{
    const QStringView rest = s.sliced(pos + 4);
    if (rest.startsWith(u'>'))
        return pos + 5; // "<!-->" is an (empty) comment
    if (rest.startsWith(u"->"))
        return pos + 6;
    const qsizetype end = s.indexOf(u"-->", pos + 4);
    return end < 0 ? s.size() : end + 3;
}

// Index just after the next '>' from pos, or the input's end.
qsizetype skipPast(QStringView s, qsizetype pos, QStringView terminator)
{
    const qsizetype end = s.indexOf(terminator, pos);
    return end < 0 ? s.size() : end + terminator.size();
}

// Finds "</name" (any case) ending a raw-text element's content that starts
// at pos. Returns {content end, index after the end tag}; both are the
// input's end for a truncated file.
std::pair<qsizetype, qsizetype> findRawTextEnd(QStringView s, qsizetype pos, QStringView name)
{
    const qsizetype n = s.size();
    for (qsizetype i = s.indexOf(u"</", pos); i >= 0; i = s.indexOf(u"</", i + 2)) {
        const qsizetype after = i + 2 + name.size();
        if (after > n)
            break;
        if (s.sliced(i + 2, name.size()).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (after < n && !isHtmlSpace(s[after]) && s[after] != u'/' && s[after] != u'>')
            continue;
        return {i, skipPast(s, after, u">")};
    }
    return {n, n};
}

QString charsetFromContentType(const QString &content)
{
    static const QRegularExpression re(
        QStringLiteral("charset\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s;\"']+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(content);
    if (!m.hasMatch())
        return {};
    for (int group = 1; group <= 3; ++group) {
        if (m.hasCaptured(group))
            return m.captured(group).trimmed();
    }
    return {};
}

QString charsetFromMeta(const Tag &tag)
{
    if (tag.has(QLatin1StringView("charset")))
        return tag.value(QLatin1StringView("charset")).trimmed();
    if (tag.value(QLatin1StringView("http-equiv"))
            .trimmed()
            .compare(u"content-type", Qt::CaseInsensitive)
        == 0)
        return charsetFromContentType(tag.value(QLatin1StringView("content")));
    return {};
}

bool isOneOf(const QString &name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(),
                       [&name](const char *n) { return name == QLatin1StringView(n); });
}

// Elements whose start or end tag starts a new paragraph.
bool isBlock(const QString &name)
{
    static const QStringList blocks
        = {u"address"_s, u"article"_s, u"aside"_s,  u"blockquote"_s, u"body"_s,       u"br"_s,
           u"caption"_s, u"center"_s,  u"dd"_s,     u"details"_s,    u"dialog"_s,     u"dir"_s,
           u"div"_s,     u"dl"_s,      u"dt"_s,     u"fieldset"_s,   u"figcaption"_s, u"figure"_s,
           u"footer"_s,  u"form"_s,    u"h1"_s,     u"h2"_s,         u"h3"_s,         u"h4"_s,
           u"h5"_s,      u"h6"_s,      u"head"_s,   u"header"_s,     u"hgroup"_s,     u"hr"_s,
           u"html"_s,    u"legend"_s,  u"li"_s,     u"listing"_s,    u"main"_s,       u"menu"_s,
           u"nav"_s,     u"ol"_s,      u"option"_s, u"p"_s,          u"pre"_s,        u"section"_s,
           u"summary"_s, u"table"_s,   u"tbody"_s,  u"tfoot"_s,      u"thead"_s,      u"tr"_s,
           u"ul"_s};
    return blocks.contains(name);
}

// Elements without content (no end tag).
bool isVoid(const QString &name)
{
    return isOneOf(name,
                   {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "param", "source", "track", "wbr"});
}

// Elements whose end tag may be omitted: a `hidden` one cannot be skipped
// safely by counting tags, as the next <p> closes it implicitly.
bool hasOptionalEndTag(const QString &name)
{
    return isOneOf(name, {"p",  "li",       "dt",      "dd",    "option", "optgroup", "tr",
                          "td", "th",       "thead",   "tbody", "tfoot",  "rb",       "rt",
                          "rp", "colgroup", "caption", "html",  "head",   "body"});
}

// Elements whose content is raw text: the tokenizer looks only for their
// end tag, so "<p>" inside a script is not markup.
bool isRawText(const QString &name)
{
    return isOneOf(name,
                   {"script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed",
                    "noframes", "plaintext"});
}

// Elements whose (normally parsed) content is not visible text.
bool isInvisibleContainer(const QString &name)
{
    return isOneOf(
        name,
        {"template", "svg", "math", "select", "datalist", "object", "video", "audio", "canvas"});
}

class Extractor
{
public:
    explicit Extractor(QStringView html)
        : m_s(html)
    {
    }

    HtmlText run()
    {
        const qsizetype n = m_s.size();
        qsizetype pos = 0;
        if (n > 0 && m_s[0] == QChar(0xFEFF))
            pos = 1;
        while (pos < n) {
            const QChar c = m_s[pos];
            if (c == u'<') {
                pos = markup(pos);
                continue;
            }
            if (m_skipDepth > 0) {
                // Text inside invisible elements: jump to the next tag.
                const qsizetype next = m_s.indexOf(u'<', pos);
                pos = next < 0 ? n : next;
                continue;
            }
            if (c == u'&') {
                const CharRef ref = parseCharRef(m_s, pos, false);
                if (ref.length > 0) {
                    appendCodePoint(ref.codePoint);
                    pos += ref.length;
                    continue;
                }
            }
            if (c == u'\r') {
                // CRLF and lone CR are one line break, as in browsers.
                if (pos + 1 < n && m_s[pos + 1] == u'\n') {
                    ++pos;
                    continue;
                }
                append(u'\n');
            } else {
                append(c);
            }
            ++pos;
        }
        flush();
        m_result.text = m_paragraphs.join(u'\n').trimmed();
        return std::move(m_result);
    }

private:
    // Handles the markup at m_s[pos] == '<'; returns where text resumes.
    qsizetype markup(qsizetype pos)
    {
        const qsizetype n = m_s.size();
        const QStringView rest = m_s.sliced(pos);
        if (rest.startsWith(u"<!--"))
            return skipComment(m_s, pos);
        if (rest.startsWith(u"<![CDATA["))
            return skipPast(m_s, pos + 9, u"]]>");
        if (rest.startsWith(u"<!") || rest.startsWith(u"<?"))
            return skipPast(m_s, pos + 2, u">"); // doctype, bogus comment
        if (rest.startsWith(u"</")) {
            if (pos + 2 < n && isAsciiLetter(m_s[pos + 2])) {
                Tag tag;
                const qsizetype after = parseTag(m_s, pos, tag);
                endTag(tag);
                return after;
            }
            if (pos + 2 >= n) {
                text(u"</");
                return n;
            }
            return skipPast(m_s, pos + 2, u">"); // "</>" or "</ junk>"
        }
        if (pos + 1 < n && isAsciiLetter(m_s[pos + 1])) {
            Tag tag;
            const qsizetype after = parseTag(m_s, pos, tag);
            return startTag(tag, after);
        }
        // A stray '<' ("a < b", "3<4") is text.
        text(u"<");
        return pos + 1;
    }

    qsizetype startTag(const Tag &tag, qsizetype after)
    {
        const QString &name = tag.name;
        if (isRawText(name)) {
            const auto [contentEnd, afterEnd] = name == u"plaintext"_s
                ? std::pair {m_s.size(), m_s.size()}
                : findRawTextEnd(m_s, after, name);
            if (m_skipDepth == 0)
                rawText(name, m_s.sliced(after, contentEnd - after));
            return afterEnd;
        }
        const bool hasContent = !tag.selfClosing && !isVoid(name);
        if (m_skipDepth > 0) {
            if (name == m_skipName && hasContent)
                ++m_skipDepth;
            return after;
        }

        if (name == u"html"_s && m_result.language.isEmpty()) {
            m_result.language = tag.value(QLatin1StringView("lang")).trimmed();
            if (m_result.language.isEmpty())
                m_result.language = tag.value(QLatin1StringView("xml:lang")).trimmed();
        } else if (name == u"meta"_s && m_result.declaredCharset.isEmpty()) {
            m_result.declaredCharset = charsetFromMeta(tag).toLatin1();
        }

        if (isBlock(name))
            flush();
        if (hasContent
            && (isInvisibleContainer(name)
                || (tag.has(QLatin1StringView("hidden")) && !hasOptionalEndTag(name)))) {
            m_skipName = name;
            m_skipDepth = 1;
            return after;
        }
        if (name == u"td"_s || name == u"th"_s)
            wordBreak();
        if ((name == u"pre"_s || name == u"listing"_s) && hasContent) {
            ++m_preDepth;
            m_dropNewline = true; // HTML ignores a newline right after <pre>
        }
        return after;
    }

    void endTag(const Tag &tag)
    {
        const QString &name = tag.name;
        if (m_skipDepth > 0) {
            if (name == m_skipName && --m_skipDepth == 0)
                m_skipName.clear();
            return;
        }
        if (isBlock(name))
            flush();
        if (name == u"td"_s || name == u"th"_s)
            wordBreak();
        if ((name == u"pre"_s || name == u"listing"_s) && m_preDepth > 0)
            --m_preDepth;
    }

    void rawText(const QString &name, QStringView content)
    {
        if (name == u"title"_s) {
            // Only the first: an SVG or body <title> is not the page title.
            if (!m_haveTitle) {
                m_haveTitle = true;
                m_result.title
                    = decodeEntities(content, false).replace(QChar(0xA0), u' ').simplified();
            }
            return;
        }
        if (name == u"xmp"_s || name == u"plaintext"_s) {
            // Shown literally, like <pre> without markup.
            flush();
            ++m_preDepth;
            for (qsizetype i = 0; i < content.size(); ++i) {
                if (content[i] == u'\r' && i + 1 < content.size() && content[i + 1] == u'\n')
                    continue;
                append(content[i] == u'\r' ? QChar(u'\n') : content[i]);
            }
            --m_preDepth;
            flush();
        }
        // script, style, noscript, textarea, iframe, noembed, noframes: invisible.
    }

    void text(QStringView s)
    {
        if (m_skipDepth > 0)
            return;
        for (QChar c : s)
            append(c);
    }

    void appendCodePoint(char32_t cp)
    {
        if (QChar::requiresSurrogates(cp)) {
            append(QChar(QChar::highSurrogate(cp)));
            append(QChar(QChar::lowSurrogate(cp)));
        } else {
            append(QChar(char16_t(cp)));
        }
    }

    void append(QChar c)
    {
        if (c == QChar(0xA0))
            c = u' '; // no-break spaces are ordinary spaces in stored text
        if (m_preDepth > 0) {
            const bool drop = m_dropNewline && c == u'\n';
            m_dropNewline = false;
            if (drop)
                return;
            if (c == u'\n')
                flush();
            else
                m_current.append(c);
            return;
        }
        if (isHtmlSpace(c)) {
            m_pendingSpace = !m_current.isEmpty();
            return;
        }
        if (m_pendingSpace) {
            m_current.append(u' ');
            m_pendingSpace = false;
        }
        m_current.append(c);
    }

    // Table cells sit on one line, separated by a space.
    void wordBreak()
    {
        if (m_preDepth == 0)
            m_pendingSpace = !m_current.isEmpty();
    }

    // Ends the current paragraph; empty ones vanish, so there are never
    // blank lines.
    void flush()
    {
        qsizetype end = m_current.size();
        while (end > 0 && m_current.at(end - 1).isSpace())
            --end;
        m_current.truncate(end);
        if (!m_current.trimmed().isEmpty())
            m_paragraphs.append(m_current);
        m_current.clear();
        m_pendingSpace = false;
        m_dropNewline = false;
    }

    QStringView m_s;
    HtmlText m_result;
    QStringList m_paragraphs;
    QString m_current;
    bool m_pendingSpace = false;
    bool m_dropNewline = false;
    bool m_haveTitle = false;
    int m_preDepth = 0;
    QString m_skipName; // invisible element being skipped
    int m_skipDepth = 0; // nesting of m_skipName inside itself
};

} // namespace

HtmlText HtmlTextExtractor::extract(const QString &html)
{
    return Extractor(html).run();
}

QByteArray HtmlTextExtractor::sniffCharset(const QByteArray &rawHtml)
{
    // Latin-1 keeps every byte as one character: markup is ASCII in any
    // charset a <meta> can usefully declare.
    const QString head = QString::fromLatin1(rawHtml.left(kSniffChars));
    const QStringView s(head);
    const qsizetype n = s.size();

    QString charset;
    qsizetype pos = 0;
    if (s.startsWith(QStringView(u"\xFEFF")))
        pos = 1;
    if (s.sliced(pos).startsWith(u"<?xml", Qt::CaseInsensitive)) {
        const qsizetype end = s.indexOf(u"?>", pos);
        if (end > 0) {
            static const QRegularExpression re(
                QStringLiteral("encoding\\s*=\\s*[\"']([^\"']+)[\"']"));
            const auto m = re.matchView(s.sliced(pos, end - pos));
            if (m.hasMatch())
                charset = m.captured(1).trimmed();
        }
    }

    while (charset.isEmpty() && pos < n) {
        pos = s.indexOf(u'<', pos);
        if (pos < 0)
            break;
        const QStringView rest = s.sliced(pos);
        if (rest.startsWith(u"<!--")) {
            pos = skipComment(s, pos);
        } else if (rest.startsWith(u"<!") || rest.startsWith(u"<?")) {
            pos = skipPast(s, pos + 2, u">");
        } else if (pos + 1 < n
                   && (isAsciiLetter(s[pos + 1])
                       || (s[pos + 1] == u'/' && pos + 2 < n && isAsciiLetter(s[pos + 2])))) {
            // Parse every tag so that an attribute value cannot fake a <meta>.
            Tag tag;
            pos = parseTag(s, pos, tag);
            if (!tag.isEnd && tag.closed && tag.name == u"meta"_s)
                charset = charsetFromMeta(tag);
        } else {
            ++pos;
        }
    }

    // A UTF-16/32 declaration readable as ASCII is wrong (WHATWG: UTF-8).
    if (charset.startsWith(u"utf-16", Qt::CaseInsensitive)
        || charset.startsWith(u"utf-32", Qt::CaseInsensitive))
        return QByteArrayLiteral("UTF-8");
    return charset.toLatin1();
}

bool HtmlTextExtractor::looksLikeHtml(const QString &text)
{
    const QStringView s(text);
    const qsizetype n = s.size();
    qsizetype pos = 0;
    for (;;) {
        while (pos < n && (s[pos].isSpace() || s[pos] == QChar(0xFEFF)))
            ++pos;
        const QStringView rest = s.sliced(pos);
        if (rest.startsWith(u"<!--"))
            pos = skipComment(s, pos);
        else if (rest.startsWith(u"<?xml", Qt::CaseInsensitive))
            pos = skipPast(s, pos, u"?>");
        else
            break;
    }
    const QStringView rest = s.sliced(pos);
    if (rest.startsWith(u"<!doctype", Qt::CaseInsensitive)) {
        const QStringView afterDoctype = rest.sliced(9).trimmed();
        if (afterDoctype.startsWith(u"html", Qt::CaseInsensitive))
            return true;
    }
    static const QRegularExpression startRe(QStringLiteral("^<(html|head|body)(?=[\\s/>]|$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (startRe.matchView(rest).hasMatch())
        return true;

    // Otherwise block markup early on: two or more block tags, p or div among them.
    static const QRegularExpression blockRe(
        QStringLiteral("</?(p|div|br|h[1-6]|li|ul|ol|table|tr|td|article|section|blockquote)"
                       "(?=[\\s/>])"),
        QRegularExpression::CaseInsensitiveOption);
    int count = 0;
    bool paragraphOrDiv = false;
    auto it = blockRe.globalMatchView(s.first(std::min(n, kSniffChars)));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        ++count;
        const QString name = m.captured(1).toLower();
        paragraphOrDiv = paragraphOrDiv || name == u"p"_s || name == u"div"_s;
    }
    return count >= 2 && paragraphOrDiv;
}
