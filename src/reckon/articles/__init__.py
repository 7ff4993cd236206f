"""Articles: reading .txt, .html and .pdf files into Documents, and storing them in a case.

    read.py       read_article(): one file -> Document (size limit, kind, date)
    text.py       plain text: the encoding policy (reckon.encoding) and the seed header
    html.py       web pages: the main text, title, date and site (trafilatura)
    pdf.py        PDFs with a text layer (pypdf)
    document.py   the Document dataclass
    store.py      the `documents` table
"""

from reckon.articles.document import Document
from reckon.articles.read import ARTICLE_KINDS, EncodingAssumedWarning, check_date, read_article

__all__ = ["ARTICLE_KINDS", "Document", "EncodingAssumedWarning", "check_date", "read_article"]
