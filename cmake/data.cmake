# data.cmake - compiled dictionary image (owned by the lexicon stage).
#
# Runs tools/dictc over data/dict into ${CLIO_DATA_BUILD}/lexicon.img.  The
# glob is re-checked at every build (CONFIGURE_DEPENDS), so adding, editing
# or removing a dictionary file rebuilds the image; a malformed line fails
# the build with FILE:LINE messages.  dictc runs from the source directory
# so the file names stored in the image (and printed in explanations) are
# repository-relative: data/dict/countries.txt:12.
file(GLOB_RECURSE CLIO_DICT_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/dict/*.txt)
add_custom_command(OUTPUT ${CLIO_DATA_BUILD}/lexicon.img
  COMMAND dictc -o ${CLIO_DATA_BUILD}/lexicon.img data/dict
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  DEPENDS dictc ${CLIO_DICT_FILES}
  COMMENT "dictionary image lexicon.img"
  VERBATIM)
list(APPEND CLIO_DATA_OUTPUTS ${CLIO_DATA_BUILD}/lexicon.img)
