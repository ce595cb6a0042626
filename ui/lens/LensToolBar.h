#pragma once

#include "lens/LensCue.h"

#include <QHash>
#include <QToolBar>

class QComboBox;
class ReadingLens;

// The lens's controls: on/off, one toggle per cue (its swatch in the
// theme's colour), the theme, the lexicon editor and "code quotations".
class LensToolBar final : public QToolBar
{
    Q_OBJECT

public:
    LensToolBar(ReadingLens &lens, QWidget *parent = nullptr);

    QAction *lensAction() const { return m_lensAction; }
    QAction *cueAction(LensCue cue) const { return m_cueActions.value(int(cue)); }
    QAction *codeQuotationsAction() const { return m_codeQuotationsAction; }
    QAction *lexiconAction() const { return m_lexiconAction; }
    QComboBox *themeBox() const { return m_themeBox; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSwatches();
    void fillThemes();

    ReadingLens &m_lens;
    QAction *m_lensAction = nullptr;
    QHash<int, QAction *> m_cueActions;
    QAction *m_codeQuotationsAction = nullptr;
    QAction *m_lexiconAction = nullptr;
    QComboBox *m_themeBox = nullptr;
};
